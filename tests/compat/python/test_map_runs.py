"""Map runs of a distributed Map state: ListMapRuns, DescribeMapRun, UpdateMapRun."""

import json

from compat import SfnTestCase, definition


def distributed_map(item_state):
    return definition({"Fan": {
        "Type": "Map",
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                          "StartAt": "Item", "States": {"Item": item_state}},
        "MaxConcurrency": 1,
        "End": True,
    }})


class MapRunTests(SfnTestCase):
    def test_a_finished_map_run_is_listed_and_described_with_its_item_counts(self):
        machine_arn = self.create_machine(distributed_map({"Type": "Pass", "End": True}))["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn, input=json.dumps([1, 2, 3]))["executionArn"]
        self.assertEqual("SUCCEEDED", self.wait_for_execution(execution_arn)["status"])

        runs = self.sfn.list_map_runs(executionArn=execution_arn)["mapRuns"]

        self.assertEqual(1, len(runs))
        self.assertEqual(execution_arn, runs[0]["executionArn"])
        self.assertIn(":mapRun:", runs[0]["mapRunArn"])
        described = self.sfn.describe_map_run(mapRunArn=runs[0]["mapRunArn"])
        self.assertEqual("SUCCEEDED", described["status"])
        self.assertEqual(1, described["maxConcurrency"])
        self.assertEqual(3, described["itemCounts"]["succeeded"])
        self.assertEqual(3, described["itemCounts"]["total"])

    def test_update_map_run_changes_a_running_runs_limits(self):
        activity_arn = self.create_activity()["activityArn"]
        machine_arn = self.create_machine(distributed_map({"Type": "Task", "Resource": activity_arn, "End": True}))["stateMachineArn"]
        execution_arn = self.sfn.start_execution(stateMachineArn=machine_arn, input=json.dumps([1, 2]))["executionArn"]
        self.addCleanup(self._quietly, self.sfn.stop_execution, executionArn=execution_arn)
        # The worker takes the first item and never answers, so the run stays RUNNING while it is updated.
        self.sfn.get_activity_task(activityArn=activity_arn)
        map_run_arn = self.sfn.list_map_runs(executionArn=execution_arn)["mapRuns"][0]["mapRunArn"]

        self.sfn.update_map_run(mapRunArn=map_run_arn, maxConcurrency=5, toleratedFailureCount=1)

        described = self.sfn.describe_map_run(mapRunArn=map_run_arn)
        self.assertEqual("RUNNING", described["status"])
        self.assertEqual(5, described["maxConcurrency"])
        self.assertEqual(1, described["toleratedFailureCount"])

    def test_an_unknown_map_run_is_ResourceNotFound(self):
        machine_arn = self.create_machine()["stateMachineArn"]
        map_run_arn = machine_arn.replace(":stateMachine:", ":mapRun:") + "/Fan:00000000-0000-0000-0000-000000000000"

        self.assert_error("ResourceNotFound", self.sfn.describe_map_run, mapRunArn=map_run_arn)
