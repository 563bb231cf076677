"""NotifyApprover: the Lambda function behind the approval task, run by Stepwise as a local command.

A real one would e-mail the approver a link carrying the task token. This one appends the request and its token to
pending-approvals.jsonl (one JSON object a line) next to this file, where the README's commands pick the token up.
"""
import json
import os
import sys

event = json.load(sys.stdin)
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pending-approvals.jsonl"), "a") as pending:
    pending.write(json.dumps({"expense": event["request"]["expense"], "taskToken": event["taskToken"]}) + "\n")
print(json.dumps({"notified": True}))
