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

echo
for report in artifacts/conformance/*.txt; do
  [ -f "$report" ] && cat "$report"
done

# One closing line over every test assembly, in the plain form CI reads.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i + 1) + 0
         if ($i == "Passed:") p += $(i + 1) + 0
         if ($i == "Skipped:") s += $(i + 1) + 0
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' artifacts/test.log
exit "$status"
