#!/usr/bin/env bash
# The AWS CLI against the live server: create a state machine, start an execution, describe it, read its history.
# Needs STEPWISE_ENDPOINT (and the dummy credentials suite.sh sets). Ends with "N passed, N failed, 0 skipped".
set -uo pipefail

passed=0
failed=0
sfn() { aws stepfunctions --endpoint-url "$STEPWISE_ENDPOINT" --output json "$@"; }
# field JSON PYTHON-EXPRESSION: evaluates the expression over the parsed JSON `d` (python3 is on every machine here).
field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2" 2>/dev/null; }
# check NAME ACTUAL EXPECTED RESPONSE: one test; a failure shows what the CLI printed.
check() {
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1)); echo "ok - $1"
  else
    failed=$((failed + 1)); echo "not ok - $1: expected [$3], got [$2]; the CLI printed: $(echo "$4" | head -c 400)"
  fi
}

name="cli-$(date +%s)-$$"
definition='{"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('"'"'hello {}'"'"', $.who)"},"End":true}}}'

created=$(sfn create-state-machine --name "$name" --definition "$definition" --role-arn arn:aws:iam::123456789012:role/stepwise-compat 2>&1)
machine_arn=$(field "$created" 'd["stateMachineArn"]')
check "create-state-machine returns the machine's ARN" "${machine_arn##*:stateMachine:}" "$name" "$created"

started=$(sfn start-execution --state-machine-arn "$machine_arn" --name first --input '{"who":"cli"}' 2>&1)
execution_arn=$(field "$started" 'd["executionArn"]')
check "start-execution returns the execution's ARN" "${execution_arn##*:}" "first" "$started"

status=""
for _ in $(seq 1 100); do
  described=$(sfn describe-execution --execution-arn "$execution_arn" 2>&1)
  status=$(field "$described" 'd["status"]')
  [ "$status" = "RUNNING" ] || break
  sleep 0.1
done
check "describe-execution reports SUCCEEDED" "$status" "SUCCEEDED" "$described"
check "describe-execution returns the output" "$(field "$described" 'json.loads(d["output"])["greeting"]')" "hello cli" "$described"

history=$(sfn get-execution-history --execution-arn "$execution_arn" 2>&1)
check "get-execution-history lists AWS's events" "$(field "$history" '",".join(e["type"] for e in d["events"])')" \
  "ExecutionStarted,PassStateEntered,PassStateExited,ExecutionSucceeded" "$history"
# The CLI pages on its own: --max-items 2 stops after two events and hands back a NextToken to resume from.
first_page=$(sfn get-execution-history --execution-arn "$execution_arn" --max-items 2 2>&1)
token=$(field "$first_page" 'd["NextToken"]')
rest=$(sfn get-execution-history --execution-arn "$execution_arn" --starting-token "$token" 2>&1)
check "get-execution-history pages with --max-items and --starting-token" \
  "$(field "$rest" '",".join(str(e["id"]) for e in d["events"])')" "3,4" "$first_page $rest"

sfn delete-state-machine --state-machine-arn "$machine_arn" >/dev/null 2>&1
echo "$passed passed, $failed failed, 0 skipped"
