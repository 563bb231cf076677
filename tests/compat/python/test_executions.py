"""Executions: start, describe, list (paginated, filtered), history (paginated, reversed), stop, sync start, redrive."""

import datetime
import json
import re

from compat import FAIL, PASS, WAIT, REGION, SfnTestCase, definition, unique


class ExecutionTests(SfnTestCase):
    def test_an_execution_runs_to_success_and_describe_reports_input_and_output(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        name = unique("run")

        started = self.sfn.start_execution(stateMachineArn=machine_arn, name=name, input='{"order":7}')

        machine_name = machine_arn.split(":")[-1]
        self.assertRegex(started["executionArn"], rf"^arn:aws:states:{REGION}:\d{{12}}:execution:{re.escape(machine_name)}:{name}$")
        self.assertIsInstance(started["startDate"], datetime.datetime)
        described = self.wait_for_execution(started["executionArn"])
        self.assertEqual("SUCCEEDED", described["status"])
        self.assertEqual(name, described["name"])
        self.assertEqual(machine_arn, described["stateMachineArn"])
        self.assertEqual({"order": 7}, json.loads(described["input"]))
        self.assertEqual({"order": 7, "result": {"greeting": "hello"}}, json.loads(described["output"]))
        self.assertIsInstance(described["stopDate"], datetime.datetime)

    def test_a_failed_execution_reports_its_error_and_cause(self):
        machine_arn = self.create_machine(FAIL)["stateMachineArn"]

        described = self.wait_for_execution(self.sfn.start_execution(stateMachineArn=machine_arn)["executionArn"])

        self.assertEqual("FAILED", described["status"])
        self.assertEqual("Custom.Error", described["error"])
        self.assertEqual("it failed on purpose", described["cause"])

    def test_describe_state_machine_for_execution_returns_the_definition_it_ran(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn)["executionArn"]

        described = self.sfn.describe_state_machine_for_execution(executionArn=execution_arn)

        self.assertEqual(machine_arn, described["stateMachineArn"])
        self.assertEqual(json.loads(PASS), json.loads(described["definition"]))
        self.assertIsInstance(described["updateDate"], datetime.datetime)

    def test_the_history_paginator_returns_aws_events_in_order_and_reversed(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn, input="{}")["executionArn"]
        self.wait_for_execution(execution_arn)
        paginator = self.sfn.get_paginator("get_execution_history")

        pages = list(paginator.paginate(executionArn=execution_arn, PaginationConfig={"PageSize": 2}))
        events = [e for page in pages for e in page["events"]]
        backwards = [e for page in paginator.paginate(executionArn=execution_arn, reverseOrder=True) for e in page["events"]]

        self.assertEqual(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], [e["type"] for e in events])
        self.assertEqual([1, 2, 3, 4], [e["id"] for e in events])
        # As AWS records it (corpus base/*): the first state's entry also points back to 0, not to ExecutionStarted.
        self.assertEqual([0, 0, 2, 3], [e["previousEventId"] for e in events])
        self.assertGreaterEqual(len(pages), 2)
        self.assertTrue(all(len(page["events"]) <= 2 for page in pages))
        self.assertEqual("Hello", events[1]["stateEnteredEventDetails"]["name"])
        self.assertEqual({"result": {"greeting": "hello"}}, json.loads(events[3]["executionSucceededEventDetails"]["output"]))
        self.assertTrue(all(isinstance(e["timestamp"], datetime.datetime) for e in events))
        self.assertEqual([4, 3, 2, 1], [e["id"] for e in backwards])

    def test_the_list_paginator_walks_executions_and_filters_by_status(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        arns = {self.sfn.start_execution(stateMachineArn=machine_arn)["executionArn"] for _ in range(3)}
        for arn in arns:
            self.wait_for_execution(arn)
        paginator = self.sfn.get_paginator("list_executions")

        pages = list(paginator.paginate(stateMachineArn=machine_arn, statusFilter="SUCCEEDED", PaginationConfig={"PageSize": 1}))
        running = [e for page in paginator.paginate(stateMachineArn=machine_arn, statusFilter="RUNNING") for e in page["executions"]]

        self.assertEqual(arns, {e["executionArn"] for page in pages for e in page["executions"]})
        self.assertGreaterEqual(len(pages), 3)
        self.assertEqual([], running)

    def test_stop_aborts_a_running_execution_with_the_given_error_and_cause(self):
        machine_arn = self.create_machine(WAIT)["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn)["executionArn"]

        stopped = self.sfn.stop_execution(executionArn=execution_arn, error="Operator.Stop", cause="no longer needed")

        self.assertIsInstance(stopped["stopDate"], datetime.datetime)
        described = self.wait_for_execution(execution_arn)
        self.assertEqual("ABORTED", described["status"])
        self.assertEqual("Operator.Stop", described["error"])
        self.assertEqual("no longer needed", described["cause"])

    def test_start_sync_execution_returns_the_result_of_an_express_machine(self):
        machine_arn = self.create_machine(machine_type="EXPRESS")["stateMachineArn"]

        response = self.sfn.start_sync_execution(stateMachineArn=machine_arn, name="sync-run", input='{"n":1}')

        self.assertEqual("SUCCEEDED", response["status"])
        self.assertEqual({"n": 1, "result": {"greeting": "hello"}}, json.loads(response["output"]))
        self.assertIn(":express:", response["executionArn"])
        self.assertEqual(machine_arn, response["stateMachineArn"])
        self.assertIsInstance(response["stopDate"], datetime.datetime)

    def test_redrive_reruns_a_failed_execution_from_the_state_that_failed(self):
        machine_arn = self.create_machine(FAIL)["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn)["executionArn"]
        self.wait_for_execution(execution_arn)

        redriven = self.sfn.redrive_execution(executionArn=execution_arn)

        self.assertIsInstance(redriven["redriveDate"], datetime.datetime)
        described = self.wait_for_execution(execution_arn)
        self.assertEqual("FAILED", described["status"])
        self.assertEqual(1, described["redriveCount"])


class ExecutionErrorTests(SfnTestCase):
    def test_input_that_is_not_json_is_InvalidExecutionInput(self):
        machine_arn = self.create_machine()["stateMachineArn"]

        message = self.assert_error("InvalidExecutionInput", self.sfn.start_execution, stateMachineArn=machine_arn, input="not some json")

        self.assertTrue(message.startswith("Invalid State Machine Execution Input: "), message)

    def test_reusing_a_name_with_other_input_is_ExecutionAlreadyExists(self):
        machine_arn = self.create_machine(WAIT)["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn, name="once", input='{"a":1}')["executionArn"]
        self.addCleanup(self._quietly, self.sfn.stop_execution, executionArn=execution_arn)

        message = self.assert_error("ExecutionAlreadyExists", self.sfn.start_execution,
                                    stateMachineArn=machine_arn, name="once", input='{"a":2}')

        self.assertEqual(f"Execution Already Exists: '{execution_arn}'", message)

    def test_an_unknown_execution_is_ExecutionDoesNotExist(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        execution_arn = machine_arn.replace(":stateMachine:", ":execution:") + ":never-started"

        message = self.assert_error("ExecutionDoesNotExist", self.sfn.describe_execution, executionArn=execution_arn)

        self.assertEqual(f"Execution Does Not Exist: '{execution_arn}'", message)

    def test_a_malformed_execution_arn_is_InvalidArn(self):
        self.assert_error("InvalidArn", self.sfn.get_execution_history, executionArn="invalid_state_machine_arn")

    def test_start_sync_on_a_standard_machine_is_StateMachineTypeNotSupported(self):
        machine_arn = self.create_machine()["stateMachineArn"]

        message = self.assert_error("StateMachineTypeNotSupported", self.sfn.start_sync_execution, stateMachineArn=machine_arn)

        self.assertEqual("This operation is not supported by this type of state machine", message)

    def test_starting_an_unknown_machine_is_StateMachineDoesNotExist(self):
        machine_arn = self.create_machine()["stateMachineArn"] + "-gone"

        self.assert_error("StateMachineDoesNotExist", self.sfn.start_execution, stateMachineArn=machine_arn)

    def test_a_lowercase_status_filter_is_ValidationException(self):
        machine_arn = self.create_machine()["stateMachineArn"]

        message = self.assert_error("ValidationException", self.sfn.list_executions, stateMachineArn=machine_arn, statusFilter="succeeded")

        self.assertIn("Value 'succeeded' at 'statusFilter' failed to satisfy constraint", message)

    def test_redriving_a_successful_execution_is_ExecutionNotRedrivable(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn)["executionArn"]
        self.wait_for_execution(execution_arn)

        self.assert_error("ExecutionNotRedrivable", self.sfn.redrive_execution, executionArn=execution_arn)
