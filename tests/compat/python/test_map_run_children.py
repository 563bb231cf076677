"""ListExecutions by mapRunArn and the child executions of a distributed Map, through boto3."""

import json

from compat import SfnTestCase, definition


def standard_children(item_state):
    return definition({"Fan": {
        "Type": "Map",
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                          "StartAt": "Item", "States": {"Item": item_state}},
        "Label": "Fan",
        "End": True,
    }})


class MapRunChildTests(SfnTestCase):
    def test_listing_by_both_a_state_machine_and_a_map_run_is_ValidationException(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        map_run_arn = machine_arn.replace(":stateMachine:", ":mapRun:") + "/Fan:00000000-0000-0000-0000-000000000000"

        message = self.assert_error("ValidationException", self.sfn.list_executions, stateMachineArn=machine_arn, mapRunArn=map_run_arn)

        self.assertIn("mapRunArn", message)

    def test_listing_an_unknown_map_run_is_ResourceNotFound(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        map_run_arn = machine_arn.replace(":stateMachine:", ":mapRun:") + "/Fan:00000000-0000-0000-0000-000000000000"

        self.assert_error("ResourceNotFound", self.sfn.list_executions, mapRunArn=map_run_arn)

    def test_a_map_runs_standard_children_are_listed_described_and_have_their_own_history(self):
        machine_arn = self.create_machine(standard_children({"Type": "Pass", "End": True}))["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn, input=json.dumps([1, 2, 3]))["executionArn"]
        self.assertEqual("SUCCEEDED", self.wait_for_execution(execution_arn)["status"])
        map_run_arn = self.sfn.list_map_runs(executionArn=execution_arn)["mapRuns"][0]["mapRunArn"]

        described_run = self.sfn.describe_map_run(mapRunArn=map_run_arn)
        children = [e for page in self.sfn.get_paginator("list_executions").paginate(mapRunArn=map_run_arn, PaginationConfig={"PageSize": 2})
                    for e in page["executions"]]
        child = self.sfn.describe_execution(executionArn=children[0]["executionArn"])
        history = self.sfn.get_execution_history(executionArn=children[0]["executionArn"])["events"]
        for_execution = self.sfn.describe_state_machine_for_execution(executionArn=children[0]["executionArn"])

        self.assertEqual(3, described_run["executionCounts"]["succeeded"])
        self.assertEqual(3, len(children))
        self.assertTrue(all(e["mapRunArn"] == map_run_arn for e in children))
        self.assertEqual(machine_arn + "/Fan", child["stateMachineArn"])
        self.assertEqual(map_run_arn, child["mapRunArn"])
        self.assertEqual("ExecutionStarted", history[0]["type"])
        self.assertEqual("ExecutionSucceeded", history[-1]["type"])
        self.assertEqual("Fan", for_execution["label"])
        self.assertEqual(map_run_arn, for_execution["mapRunArn"])
        self.assertEqual([execution_arn], [e["executionArn"] for e in self.sfn.list_executions(stateMachineArn=machine_arn)["executions"]])
