"""State machines: create, describe, update, delete, list (with the real paginator), validate, and their errors."""

import datetime
import json
import re

from compat import FAIL, PASS, REGION, ROLE_ARN, SfnTestCase, definition, unique


class StateMachineTests(SfnTestCase):
    def test_create_returns_an_aws_arn_and_describe_returns_what_was_created(self):
        name = unique("sm")
        created = self.create_machine(name=name)

        self.assertRegex(created["stateMachineArn"], rf"^arn:aws:states:{REGION}:\d{{12}}:stateMachine:{re.escape(name)}$")
        self.assertIsInstance(created["creationDate"], datetime.datetime)
        described = self.sfn.describe_state_machine(stateMachineArn=created["stateMachineArn"])
        self.assertEqual(name, described["name"])
        self.assertEqual("ACTIVE", described["status"])
        self.assertEqual("STANDARD", described["type"])
        self.assertEqual(ROLE_ARN, described["roleArn"])
        self.assertEqual(json.loads(PASS), json.loads(described["definition"]))
        self.assertEqual(created["creationDate"], described["creationDate"])

    def test_an_express_machine_is_described_as_express(self):
        created = self.create_machine(machine_type="EXPRESS")

        described = self.sfn.describe_state_machine(stateMachineArn=created["stateMachineArn"])

        self.assertEqual("EXPRESS", described["type"])

    def test_creating_the_same_machine_twice_is_idempotent(self):
        name = unique("sm")
        first = self.create_machine(name=name)

        second = self.sfn.create_state_machine(name=name, definition=PASS, roleArn=ROLE_ARN)

        self.assertEqual(first["stateMachineArn"], second["stateMachineArn"])

    def test_update_replaces_the_definition(self):
        arn = self.create_machine()["stateMachineArn"]

        updated = self.sfn.update_state_machine(stateMachineArn=arn, definition=FAIL)

        self.assertIsInstance(updated["updateDate"], datetime.datetime)
        self.assertIn("revisionId", updated)
        described = self.sfn.describe_state_machine(stateMachineArn=arn)
        self.assertEqual(json.loads(FAIL), json.loads(described["definition"]))

    def test_a_deleted_machine_is_gone_or_deleting(self):
        arn = self.create_machine()["stateMachineArn"]

        self.sfn.delete_state_machine(stateMachineArn=arn)

        try:
            described = self.sfn.describe_state_machine(stateMachineArn=arn)
        except self.sfn.exceptions.StateMachineDoesNotExist:
            return
        self.assertEqual("DELETING", described["status"])

    def test_the_list_paginator_walks_every_page(self):
        prefix = unique("paged")
        arns = {self.create_machine(name=f"{prefix}-{i}")["stateMachineArn"] for i in range(3)}

        pages = list(self.sfn.get_paginator("list_state_machines").paginate(PaginationConfig={"PageSize": 1}))

        listed = {m["stateMachineArn"] for page in pages for m in page["stateMachines"]}
        self.assertTrue(arns <= listed, f"missing {arns - listed}")
        self.assertGreaterEqual(len(pages), 3)
        self.assertTrue(all(len(page["stateMachines"]) <= 1 for page in pages))
        mine = [m for page in pages for m in page["stateMachines"] if m["stateMachineArn"] in arns]
        self.assertTrue(all(m["type"] == "STANDARD" and isinstance(m["creationDate"], datetime.datetime) for m in mine))

    def test_validate_accepts_a_valid_definition(self):
        response = self.sfn.validate_state_machine_definition(definition=PASS, type="STANDARD")

        self.assertEqual("OK", response["result"])
        self.assertEqual([], response["diagnostics"])

    def test_validate_reports_aws_diagnostics_for_an_invalid_definition(self):
        response = self.sfn.validate_state_machine_definition(definition=json.dumps({"StartAt": "Missing"}))

        self.assertEqual("FAIL", response["result"])
        self.assertEqual("SCHEMA_VALIDATION_FAILED", response["diagnostics"][0]["code"])
        self.assertEqual("ERROR", response["diagnostics"][0]["severity"])
        self.assertIn("States", response["diagnostics"][0]["message"])


class StateMachineErrorTests(SfnTestCase):
    def test_an_invalid_definition_is_InvalidDefinition_with_the_validators_message(self):
        message = self.assert_error("InvalidDefinition", self.sfn.create_state_machine,
                                    name=unique("sm"), definition=json.dumps({"StartAt": "S"}), roleArn=ROLE_ARN)

        self.assertEqual("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'", message)

    def test_a_name_taken_by_another_definition_is_StateMachineAlreadyExists(self):
        name = unique("sm")
        self.create_machine(name=name)

        self.assert_error("StateMachineAlreadyExists", self.sfn.create_state_machine, name=name, definition=FAIL, roleArn=ROLE_ARN)

    def test_an_invalid_name_is_InvalidName(self):
        self.assert_error("InvalidName", self.sfn.create_state_machine, name="has spaces", definition=PASS, roleArn=ROLE_ARN)

    def test_a_malformed_arn_is_InvalidArn(self):
        message = self.assert_error("InvalidArn", self.sfn.describe_state_machine, stateMachineArn="not_a_valid_arn")

        self.assertEqual("Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'", message)

    def test_an_unknown_machine_is_StateMachineDoesNotExist(self):
        arn = self.create_machine()["stateMachineArn"] + "-missing"

        message = self.assert_error("StateMachineDoesNotExist", self.sfn.describe_state_machine, stateMachineArn=arn)

        self.assertEqual(f"State Machine Does Not Exist: '{arn}'", message)

    def test_update_without_changes_is_MissingRequiredParameter(self):
        arn = self.create_machine()["stateMachineArn"]

        self.assert_error("MissingRequiredParameter", self.sfn.update_state_machine, stateMachineArn=arn)

    def test_a_bad_page_token_is_InvalidToken(self):
        self.assert_error("InvalidToken", self.sfn.list_state_machines, nextToken="InvalidToken")

    def test_definitions_reference_states_that_exist(self):
        body = definition({"A": {"Type": "Pass", "Next": "Nowhere"}})

        message = self.assert_error("InvalidDefinition", self.sfn.create_state_machine, name=unique("sm"), definition=body, roleArn=ROLE_ARN)

        self.assertIn("MISSING_TRANSITION_TARGET", message)
