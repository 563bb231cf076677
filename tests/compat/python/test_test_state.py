"""TestState: one state run in isolation, with inspection data, mocks and the next state."""

import json

from compat import ROLE_ARN, SfnTestCase


class TestStateTests(SfnTestCase):
    def test_a_pass_state_returns_its_output(self):
        state = {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.r", "End": True}

        response = self.sfn.test_state(definition=json.dumps(state), roleArn=ROLE_ARN, input='{"a":0}')

        self.assertEqual("SUCCEEDED", response["status"])
        self.assertEqual({"a": 0, "r": {"x": 1}}, json.loads(response["output"]))

    def test_debug_inspection_shows_each_step_of_the_data_flow(self):
        state = {"Type": "Pass", "InputPath": "$.in", "Parameters": {"v.$": "$.value"}, "ResultPath": "$.out", "End": True}

        response = self.sfn.test_state(definition=json.dumps(state), input='{"in":{"value":5}}', inspectionLevel="DEBUG")

        inspection = response["inspectionData"]
        self.assertEqual({"in": {"value": 5}}, json.loads(inspection["input"]))
        self.assertEqual({"value": 5}, json.loads(inspection["afterInputPath"]))
        self.assertEqual({"v": 5}, json.loads(inspection["afterParameters"]))
        # ResultPath writes into the state's raw input, not into what InputPath selected.
        self.assertEqual({"in": {"value": 5}, "out": {"v": 5}}, json.loads(inspection["afterResultPath"]))

    def test_a_choice_state_names_the_next_state(self):
        state = {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Big"}], "Default": "Small"}

        response = self.sfn.test_state(definition=json.dumps(state), input='{"n":3}')

        self.assertEqual("Big", response["nextState"])

    def test_a_task_state_returns_the_mocked_result(self):
        state = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "ResultSelector": {"body.$": "$.Payload"}, "End": True}

        response = self.sfn.test_state(definition=json.dumps(state), roleArn=ROLE_ARN, input='{"q":1}',
                                       mock={"result": '{"Payload":{"answer":42},"StatusCode":200}'})

        self.assertEqual("SUCCEEDED", response["status"])
        self.assertEqual({"body": {"answer": 42}}, json.loads(response["output"]))

    def test_a_mocked_result_that_breaks_the_services_model_is_refused_unless_validation_is_off(self):
        state = {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution",
                 "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:m"}, "End": True}
        mocked = '{"ExecutionArn": "arn:aws:states:us-east-1:123456789012:execution:m:e", "StartDate": 1764103483}'

        message = self.assert_error("ValidationException", self.sfn.test_state, definition=json.dumps(state), input="{}",
                                    mock={"result": mocked})
        response = self.sfn.test_state(definition=json.dumps(state), input="{}",
                                       mock={"result": mocked, "fieldValidationMode": "NONE"})

        self.assertEqual("Mock result schema validation error: Field 'StartDate' must be a string", message)
        self.assertEqual("SUCCEEDED", response["status"])

    def test_a_mocked_error_fails_the_state(self):
        state = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "End": True}

        response = self.sfn.test_state(definition=json.dumps(state), roleArn=ROLE_ARN, input="{}",
                                       mock={"errorOutput": {"error": "Mock.Failure", "cause": "mocked"}})

        self.assertEqual("FAILED", response["status"])
        self.assertEqual("Mock.Failure", response["error"])
        self.assertEqual("mocked", response["cause"])

    def test_an_invalid_state_is_InvalidDefinition(self):
        self.assert_error("InvalidDefinition", self.sfn.test_state, definition=json.dumps({"Type": "Pass", "Next": 3}), input="{}")
