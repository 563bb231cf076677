"""Activities: create, describe, list, delete, and a worker's round trip (GetActivityTask, SendTask*)."""

import datetime
import json
import re
import threading

from compat import REGION, SfnTestCase, definition, unique


def activity_machine(activity_arn, heartbeat=None):
    task = {"Type": "Task", "Resource": activity_arn, "TimeoutSeconds": 60, "End": True}
    if heartbeat:
        task["HeartbeatSeconds"] = heartbeat
    return definition({"Work": task})


class ActivityTests(SfnTestCase):
    def test_create_describe_and_delete_an_activity(self):
        name = unique("activity")
        created = self.create_activity(name=name)
        arn = created["activityArn"]

        self.assertRegex(arn, rf"^arn:aws:states:{REGION}:\d{{12}}:activity:{re.escape(name)}$")
        described = self.sfn.describe_activity(activityArn=arn)
        self.assertEqual(name, described["name"])
        self.assertEqual(created["creationDate"], described["creationDate"])
        self.assertIsInstance(described["creationDate"], datetime.datetime)

        self.sfn.delete_activity(activityArn=arn)
        message = self.assert_error("ActivityDoesNotExist", self.sfn.describe_activity, activityArn=arn)
        self.assertEqual(f"Activity Does Not Exist: '{arn}'", message)

    def test_creating_an_activity_twice_is_idempotent(self):
        name = unique("activity")
        first = self.create_activity(name=name)

        self.assertEqual(first["activityArn"], self.sfn.create_activity(name=name)["activityArn"])

    def test_the_list_paginator_walks_every_activity(self):
        arns = {self.create_activity()["activityArn"] for _ in range(3)}

        pages = list(self.sfn.get_paginator("list_activities").paginate(PaginationConfig={"PageSize": 1}))

        self.assertTrue(arns <= {a["activityArn"] for page in pages for a in page["activities"]})
        self.assertGreaterEqual(len(pages), 3)

    def start_activity_execution(self, execution_input):
        activity_arn = self.create_activity()["activityArn"]
        machine_arn = self.create_machine(activity_machine(activity_arn, heartbeat=30))["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn, input=json.dumps(execution_input))["executionArn"]
        self.addCleanup(self._quietly, self.sfn.stop_execution, executionArn=execution_arn)
        task = self.sfn.get_activity_task(activityArn=activity_arn, workerName="compat-worker")
        return execution_arn, task

    def test_a_worker_receives_the_task_and_its_success_completes_the_execution(self):
        execution_arn, task = self.start_activity_execution({"job": 42})

        self.assertTrue(task.get("taskToken"), "GetActivityTask returned no task")
        self.assertEqual({"job": 42}, json.loads(task["input"]))
        self.sfn.send_task_heartbeat(taskToken=task["taskToken"])
        self.sfn.send_task_success(taskToken=task["taskToken"], output='{"done":true}')

        described = self.wait_for_execution(execution_arn)
        self.assertEqual("SUCCEEDED", described["status"])
        self.assertEqual({"done": True}, json.loads(described["output"]))
        types = [e["type"] for e in self.sfn.get_execution_history(executionArn=execution_arn)["events"]]
        self.assertEqual(["ActivityScheduled", "ActivityStarted", "ActivitySucceeded"], [t for t in types if t.startswith("Activity")])

    def test_a_workers_failure_fails_the_execution_with_its_error_and_cause(self):
        execution_arn, task = self.start_activity_execution({})

        self.sfn.send_task_failure(taskToken=task["taskToken"], error="Worker.Broken", cause="disk full")

        described = self.wait_for_execution(execution_arn)
        self.assertEqual("FAILED", described["status"])
        self.assertEqual("Worker.Broken", described["error"])
        self.assertEqual("disk full", described["cause"])

    def test_a_waiting_worker_is_answered_when_work_arrives(self):
        activity_arn = self.create_activity()["activityArn"]
        machine_arn = self.create_machine(activity_machine(activity_arn))["stateMachineArn"]
        received = {}
        worker = threading.Thread(target=lambda: received.update(self.sfn.get_activity_task(activityArn=activity_arn)))
        worker.start()

        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn, input='{"late":true}')["executionArn"]
        self.addCleanup(self._quietly, self.sfn.stop_execution, executionArn=execution_arn)
        worker.join(timeout=20)

        self.assertFalse(worker.is_alive(), "the long poll was not answered")
        self.assertEqual({"late": True}, json.loads(received["input"]))
        self.sfn.send_task_success(taskToken=received["taskToken"], output="{}")
        self.assertEqual("SUCCEEDED", self.wait_for_execution(execution_arn)["status"])


class ActivityErrorTests(SfnTestCase):
    def test_an_invalid_activity_name_is_InvalidName(self):
        message = self.assert_error("InvalidName", self.sfn.create_activity, name="activity}name")

        self.assertEqual("Invalid Name: 'activity}name'", message)

    def test_a_malformed_activity_arn_is_InvalidArn(self):
        message = self.assert_error("InvalidArn", self.sfn.get_activity_task, activityArn="no_an_activity_arn")

        self.assertEqual("Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'", message)

    def test_polling_a_deleted_activity_is_ActivityDoesNotExist(self):
        arn = self.create_activity()["activityArn"]
        self.sfn.delete_activity(activityArn=arn)

        self.assert_error("ActivityDoesNotExist", self.sfn.get_activity_task, activityArn=arn)

    def test_an_unknown_task_token_is_rejected(self):
        self.assert_error("InvalidToken", self.sfn.send_task_success, taskToken="not-a-token", output="{}")
        self.assert_error("InvalidToken", self.sfn.send_task_failure, taskToken="not-a-token")
        self.assert_error("InvalidToken", self.sfn.send_task_heartbeat, taskToken="not-a-token")

    def test_a_token_used_once_is_TaskTimedOut_or_TaskDoesNotExist_afterwards(self):
        activity_arn = self.create_activity()["activityArn"]
        machine_arn = self.create_machine(activity_machine(activity_arn))["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn)["executionArn"]
        token = self.sfn.get_activity_task(activityArn=activity_arn)["taskToken"]
        self.sfn.send_task_success(taskToken=token, output="{}")
        self.wait_for_execution(execution_arn)

        with self.assertRaises(self.sfn.exceptions.ClientError) as raised:
            self.sfn.send_task_success(taskToken=token, output="{}")

        self.assertIn(raised.exception.response["Error"]["Code"], ("TaskTimedOut", "TaskDoesNotExist"))
