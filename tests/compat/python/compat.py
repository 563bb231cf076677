"""Shared helpers of the boto3 suite: a client pointed at the live server, unique names, small machines, waits."""

import json
import os
import time
import unittest
import uuid

import boto3
from botocore.config import Config

ENDPOINT = os.environ.get("STEPWISE_ENDPOINT", "http://127.0.0.1:8083")
REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
ROLE_ARN = "arn:aws:iam::123456789012:role/stepwise-compat"

# One attempt per call: a retry would hide a server fault and slow the suite down. No call here waits for long: the
# tests poll activities only when a task is ready (AWS's GetActivityTask would hold an idle poll for 60 s), so a call
# still unanswered after 10 s is a hang, reported as a failure instead of stalling the suite.
CONFIG = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=10)


def client():
    """A Step Functions client for the server under test (credentials and host-prefix switch come from the environment)."""
    return boto3.client("stepfunctions", endpoint_url=ENDPOINT, region_name=REGION, config=CONFIG)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def definition(states, start_at=None, **top):
    machine = {"StartAt": start_at or next(iter(states)), "States": states}
    machine.update(top)
    return json.dumps(machine)


PASS = definition({"Hello": {"Type": "Pass", "Result": {"greeting": "hello"}, "ResultPath": "$.result", "End": True}})
FAIL = definition({"Boom": {"Type": "Fail", "Error": "Custom.Error", "Cause": "it failed on purpose"}})
WAIT = definition({"Sleep": {"Type": "Wait", "Seconds": 600, "End": True}})


class SfnTestCase(unittest.TestCase):
    """A test with a client, and helpers that create resources (deleted again at the end, best effort)."""

    @classmethod
    def setUpClass(cls):
        cls.sfn = client()

    def create_machine(self, body=PASS, machine_type="STANDARD", name=None, **extra):
        response = self.sfn.create_state_machine(
            name=name or unique("sm"), definition=body, roleArn=ROLE_ARN, type=machine_type, **extra)
        self.addCleanup(self._quietly, self.sfn.delete_state_machine, stateMachineArn=response["stateMachineArn"])
        return response

    def create_activity(self, name=None, **extra):
        response = self.sfn.create_activity(name=name or unique("activity"), **extra)
        self.addCleanup(self._quietly, self.sfn.delete_activity, activityArn=response["activityArn"])
        return response

    def wait_for_execution(self, execution_arn, timeout=10):
        """Polls DescribeExecution until the execution leaves RUNNING; fails the test after timeout seconds."""
        deadline = time.monotonic() + timeout
        while True:
            described = self.sfn.describe_execution(executionArn=execution_arn)
            if described["status"] != "RUNNING":
                return described
            if time.monotonic() > deadline:
                self.fail(f"{execution_arn} still RUNNING after {timeout} s")
            time.sleep(0.05)

    def assert_error(self, code, call, **arguments):
        """Calls and expects AWS's error `code` as botocore reads it (a modeled exception class when the model has one)."""
        with self.assertRaises(self.sfn.exceptions.ClientError) as raised:
            call(**arguments)
        error = raised.exception.response["Error"]
        self.assertEqual(code, error["Code"], error.get("Message"))
        self.assertEqual(400, raised.exception.response["ResponseMetadata"]["HTTPStatusCode"])
        return error["Message"]

    @staticmethod
    def _quietly(call, **arguments):
        try:
            call(**arguments)
        except Exception:  # noqa: BLE001 - cleanup of a resource the test may have deleted itself
            pass
