#!/usr/bin/env bash
# The console's tests: Vitest (graph model, layout input, history reading) and the end-to-end tests in Debian's
# chromium against a live `stepwise serve`. test.sh sums the LAST line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
repo="$(cd ../.. && pwd)"
passed=0 failed=0 skipped=0
add() { # adds the counts of a "N passed, N failed, N skipped" line
  read -r p _ f _ s _ <<<"$1"
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) skipped=$((skipped + ${s:-0}))
}

[ -d node_modules ] || npm install --no-audit --no-fund --loglevel=error

echo "== Vitest"
report="$(mktemp)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report"
counts="$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`)' "$report" 2>/dev/null)"
# A run that wrote no report (it could not start) counts as one failure.
if [[ "$counts" =~ ^[0-9]+\ passed ]]; then add "$counts"; else failed=$((failed + 1)); fi
rm -f "$report"

echo "== End to end (chromium, stepwise serve)"
if [ ! -x /usr/bin/chromium ]; then
  # Playwright's own browser download cannot work here; Debian's chromium can (CI runs as root).
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || echo "could not install chromium"
fi
if [ ! -x /usr/bin/chromium ]; then
  failed=$((failed + 1))
else
  dotnet build "$repo/src/Stepwise.Cli" --nologo -v quiet >/dev/null || { echo "the CLI does not build"; failed=$((failed + 1)); }
  data="$(mktemp -d)"
  log="$data/serve.log"
  SFN_MOCK_CONFIG="$repo/examples/order-pipeline/mock-config.json" \
    dotnet "$repo/src/Stepwise.Cli/bin/Debug/net10.0/stepwise.dll" serve --port 0 --data "$data" >"$log" 2>&1 &
  server=$!
  url=""
  # Up to two minutes for serve to listen (a fresh, loaded machine takes seconds; a hang must still end the wait).
  for _ in $(seq 1 600); do
    url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -n 1)"
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.2
  done
  if [ -z "$url" ]; then
    echo "stepwise serve did not start:"; cat "$log"
    failed=$((failed + 1))
  else
    out="$(mktemp)"
    STEPWISE_URL="$url" node e2e/run.mjs | tee "$out"
    last="$(tail -n 1 "$out")"
    if [[ "$last" =~ ^[0-9]+\ passed ]]; then add "$last"; else failed=$((failed + 1)); fi
    rm -f "$out"
  fi
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  rm -rf "$data"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
