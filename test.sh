#!/usr/bin/env bash
# Runs every test: unit tests, the conformance corpora (printing their pass counts) and, as the project grows, the
# compat, console and storage suites. The one command the README names and .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")"

rm -rf artifacts/conformance
mkdir -p artifacts
# Build everything first (the CLI and the benchmarks too, which no test project references).
dotnet build Stepwise.slnx --nologo -v quiet
status=0
dotnet test Stepwise.slnx --nologo --no-build 2>&1 | tee artifacts/test.log || status=$?

# Suites outside dotnet test (real AWS clients, the browser): each `suite.sh` prints its own closing line
# "N passed, N failed, N skipped", which joins the totals below.
: > artifacts/suites.log
for suite in tests/*/suite.sh web/*/suite.sh; do
  [ -x "$suite" ] || continue
  echo "== $suite"
  "$suite" 2>&1 | tee artifacts/suite.out || status=$?
  tail -n 1 artifacts/suite.out >> artifacts/suites.log
done

echo
for report in artifacts/conformance/*.txt; do
  [ -f "$report" ] && cat "$report"
done

# One closing line over every test assembly and suite, in the plain form CI reads.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i + 1) + 0
         if ($i == "Passed:") p += $(i + 1) + 0
         if ($i == "Skipped:") s += $(i + 1) + 0
       }
     }
     /^[0-9]+ passed, [0-9]+ failed/ { p += $1; f += $3; s += $5 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' artifacts/test.log artifacts/suites.log
exit "$status"
