#!/usr/bin/env bash
# Real AWS clients against a live `stepwise serve` on loopback: boto3 (every action, error cases, the real paginators),
# the AWS CLI (create, start, describe, history) and the AWS SDK for JavaScript v3 (a start-execution and an
# activity-worker round trip). Its last line is the combined count, "N passed, N failed, N skipped", which test.sh
# adds to its totals. Builds only when the CLI's output is missing (test.sh builds first).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cli="$root/src/Stepwise.Cli/bin/Debug/net10.0/stepwise.dll"

passed=0
failed=0
skipped=0
# add LINE: adds a part's closing "N passed, N failed, N skipped" line to the totals; a part that printed none failed.
add() {
  if [[ "$1" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2])); skipped=$((skipped + BASH_REMATCH[3]))
  else
    failed=$((failed + 1))
  fi
}
finish() { echo "$passed passed, $failed failed, $skipped skipped"; [ "$failed" -eq 0 ]; exit $?; }

if [ ! -f "$cli" ]; then
  dotnet build "$root/src/Stepwise.Cli" --nologo -v quiet >&2 || { echo "compat: the CLI does not build" >&2; add ""; finish; }
fi

work="$(mktemp -d)"
dotnet "$cli" serve --port 0 --data "$work/data" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT

# serve prints "Stepwise is serving http://127.0.0.1:PORT on DIR" once it listens (--port 0 lets it pick a free port).
# Up to two minutes: a fresh, loaded CI machine starts it in seconds, but a hang must still end the wait.
endpoint=""
for _ in $(seq 1 1200); do
  endpoint="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.log" | head -n 1)"
  [ -n "$endpoint" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$endpoint" ] || ! python3 - "$endpoint" <<'PY'
import sys, urllib.request
request = urllib.request.Request(sys.argv[1] + "/", data=b"{}", method="POST",
    headers={"X-Amz-Target": "AWSStepFunctions.ListStateMachines", "Content-Type": "application/x-amz-json-1.0"})
try:
    urllib.request.urlopen(request, timeout=10)
except urllib.error.HTTPError:
    pass  # an AWS error answer is an answer
PY
then
  echo "compat: stepwise serve did not answer:" >&2
  cat "$work/serve.log" >&2
  add ""
  finish
fi
echo "== stepwise serve answers on $endpoint"

export STEPWISE_ENDPOINT="$endpoint"
export AWS_ACCESS_KEY_ID=compat AWS_SECRET_ACCESS_KEY=compat AWS_DEFAULT_REGION=us-east-1
# StartSyncExecution and TestState carry the endpoint prefix "sync-"; botocore (boto3 and the AWS CLI) drops it when
# asked, as a loopback address has no sync- subdomain. The rest keeps the clients away from any local AWS setup.
export AWS_DISABLE_HOST_PREFIX_INJECTION=true AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"

echo "== boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"
timeout 100 python3 "$here/python/run.py" 2>&1 | tee "$work/python.out"
add "$(tail -n 1 "$work/python.out")"

echo "== AWS CLI"
if ! aws --version >/dev/null 2>&1; then
  # CI runs as root on a fresh machine; Debian's awscli package is the AWS CLI v2.
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli) >/dev/null 2>&1
fi
if aws --version >/dev/null 2>&1; then
  aws --version
  # Each AWS CLI call starts a Python process (about 2 s on a loaded machine, for 8 calls): the limit only ends a hang.
  timeout 180 "$here/cli/aws_cli.sh" 2>&1 | tee "$work/cli.out"
  add "$(tail -n 1 "$work/cli.out")"
else
  echo "compat: the AWS CLI is missing and could not be installed" >&2
  add ""
fi

echo "== AWS SDK for JavaScript v3"
(
  cd "$here/js" || exit 1
  wanted="$(node -p 'require("./package.json").dependencies["@aws-sdk/client-sfn"]')"
  installed="$(node -p 'require("@aws-sdk/client-sfn/package.json").version' 2>/dev/null || true)"
  if [ "$wanted" != "$installed" ]; then
    npm ci --no-audit --no-fund --loglevel=error >&2 || exit 1
  fi
  timeout 60 node --test --test-reporter=tap sfn.test.mjs
) > "$work/js.out" 2>&1
cat "$work/js.out"
# node's TAP summary: "# pass N", "# fail N", "# skipped N", "# cancelled N" (a cancelled test did not pass).
js_count() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$work/js.out" | tail -n 1; }
if [ -n "$(js_count pass)" ]; then
  add "$(js_count pass) passed, $(( $(js_count fail) + $(js_count cancelled) )) failed, $(js_count skipped) skipped"
else
  add ""
fi

finish
