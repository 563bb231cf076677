"""Versions and aliases: publish, list, delete versions; create, describe, update, list, delete aliases; their errors."""

import datetime

from compat import FAIL, PASS, SfnTestCase, unique


class VersionTests(SfnTestCase):
    def test_publish_numbers_versions_and_list_returns_them_newest_first(self):
        created = self.create_machine(publish=True, versionDescription="first")
        arn = created["stateMachineArn"]
        self.sfn.update_state_machine(stateMachineArn=arn, definition=FAIL)

        published = self.sfn.publish_state_machine_version(stateMachineArn=arn, description="second")

        self.assertEqual(arn + ":1", created["stateMachineVersionArn"])
        self.assertEqual(arn + ":2", published["stateMachineVersionArn"])
        self.assertIsInstance(published["creationDate"], datetime.datetime)
        versions = self.sfn.list_state_machine_versions(stateMachineArn=arn)["stateMachineVersions"]
        self.assertEqual([arn + ":2", arn + ":1"], [v["stateMachineVersionArn"] for v in versions])
        described = self.sfn.describe_state_machine(stateMachineArn=arn + ":2")
        self.assertEqual("second", described["description"])

    def test_a_deleted_version_is_no_longer_listed(self):
        arn = self.create_machine(publish=True)["stateMachineArn"]

        self.sfn.delete_state_machine_version(stateMachineVersionArn=arn + ":1")

        self.assertEqual([], self.sfn.list_state_machine_versions(stateMachineArn=arn)["stateMachineVersions"])

    def test_publishing_a_stale_revision_is_ConflictException(self):
        arn = self.create_machine()["stateMachineArn"]
        revision = self.sfn.update_state_machine(stateMachineArn=arn, definition=FAIL)["revisionId"]
        self.sfn.update_state_machine(stateMachineArn=arn, definition=PASS)

        self.assert_error("ConflictException", self.sfn.publish_state_machine_version, stateMachineArn=arn, revisionId=revision)


class AliasTests(SfnTestCase):
    def published_machine(self):
        arn = self.create_machine(publish=True)["stateMachineArn"]
        self.sfn.update_state_machine(stateMachineArn=arn, definition=FAIL, publish=True)
        return arn

    def test_alias_lifecycle_create_describe_update_list_delete(self):
        arn = self.published_machine()
        name = unique("live")

        created = self.sfn.create_state_machine_alias(
            name=name, description="v1 only", routingConfiguration=[{"stateMachineVersionArn": arn + ":1", "weight": 100}])
        alias_arn = created["stateMachineAliasArn"]
        self.assertEqual(f"{arn}:{name}", alias_arn)
        described = self.sfn.describe_state_machine_alias(stateMachineAliasArn=alias_arn)
        self.assertEqual(name, described["name"])
        self.assertEqual("v1 only", described["description"])
        self.assertEqual([{"stateMachineVersionArn": arn + ":1", "weight": 100}], described["routingConfiguration"])

        updated = self.sfn.update_state_machine_alias(
            stateMachineAliasArn=alias_arn, description="canary",
            routingConfiguration=[{"stateMachineVersionArn": arn + ":1", "weight": 90}, {"stateMachineVersionArn": arn + ":2", "weight": 10}])
        self.assertIsInstance(updated["updateDate"], datetime.datetime)
        self.assertEqual("canary", self.sfn.describe_state_machine_alias(stateMachineAliasArn=alias_arn)["description"])
        listed = self.sfn.list_state_machine_aliases(stateMachineArn=arn)["stateMachineAliases"]
        self.assertEqual([alias_arn], [a["stateMachineAliasArn"] for a in listed])

        self.sfn.delete_state_machine_alias(stateMachineAliasArn=alias_arn)
        self.assert_error("ResourceNotFound", self.sfn.describe_state_machine_alias, stateMachineAliasArn=alias_arn)

    def test_an_execution_started_through_an_alias_runs_the_routed_version(self):
        arn = self.published_machine()
        alias_arn = self.sfn.create_state_machine_alias(
            name=unique("v1"), routingConfiguration=[{"stateMachineVersionArn": arn + ":1", "weight": 100}])["stateMachineAliasArn"]

        execution_arn = self.sfn.start_execution(stateMachineArn=alias_arn, input="{}")["executionArn"]

        described = self.wait_for_execution(execution_arn)
        self.assertEqual("SUCCEEDED", described["status"])
        self.assertEqual(alias_arn, described.get("stateMachineAliasArn"))
        self.assertEqual(arn + ":1", described.get("stateMachineVersionArn"))

    def test_an_alias_name_of_digits_only_is_ValidationException(self):
        arn = self.published_machine()

        message = self.assert_error("ValidationException", self.sfn.create_state_machine_alias,
                                    name="123", routingConfiguration=[{"stateMachineVersionArn": arn + ":1", "weight": 100}])

        self.assertIn("Value '123' at 'name' failed to satisfy constraint", message)

    def test_weights_that_do_not_sum_to_100_are_ValidationException(self):
        arn = self.published_machine()

        message = self.assert_error("ValidationException", self.sfn.create_state_machine_alias, name=unique("bad"),
                                    routingConfiguration=[{"stateMachineVersionArn": arn + ":1", "weight": 70},
                                                          {"stateMachineVersionArn": arn + ":2", "weight": 29}])

        self.assertEqual("Sum of routing configuration weights must equal 100. Received: [70, 29]", message)

    def test_deleting_a_version_an_alias_routes_to_is_ConflictException(self):
        arn = self.published_machine()
        name = unique("pinned")
        self.sfn.create_state_machine_alias(name=name, routingConfiguration=[{"stateMachineVersionArn": arn + ":1", "weight": 100}])

        message = self.assert_error("ConflictException", self.sfn.delete_state_machine_version, stateMachineVersionArn=arn + ":1")

        self.assertIn(f"[{name}]", message)
