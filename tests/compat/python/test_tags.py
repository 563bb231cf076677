"""Tags on state machines and activities: TagResource, UntagResource, ListTagsForResource, and their errors."""

from compat import SfnTestCase


def tag_set(response):
    return {(t["key"], t["value"]) for t in response["tags"]}


class TagTests(SfnTestCase):
    def test_tags_given_at_creation_are_listed_and_can_be_added_and_removed(self):
        arn = self.create_machine(tags=[{"key": "team", "value": "payments"}])["stateMachineArn"]

        self.assertEqual({("team", "payments")}, tag_set(self.sfn.list_tags_for_resource(resourceArn=arn)))
        self.sfn.tag_resource(resourceArn=arn, tags=[{"key": "env", "value": "ci"}, {"key": "team", "value": "billing"}])
        self.assertEqual({("team", "billing"), ("env", "ci")}, tag_set(self.sfn.list_tags_for_resource(resourceArn=arn)))
        self.sfn.untag_resource(resourceArn=arn, tagKeys=["team"])
        self.assertEqual({("env", "ci")}, tag_set(self.sfn.list_tags_for_resource(resourceArn=arn)))

    def test_activities_carry_tags_too(self):
        arn = self.create_activity(tags=[{"key": "queue", "value": "blue"}])["activityArn"]

        self.sfn.tag_resource(resourceArn=arn, tags=[{"key": "owner", "value": "ops"}])

        self.assertEqual({("queue", "blue"), ("owner", "ops")}, tag_set(self.sfn.list_tags_for_resource(resourceArn=arn)))

    def test_tagging_an_unknown_resource_is_ResourceNotFound(self):
        arn = self.create_machine()["stateMachineArn"] + "-missing"

        message = self.assert_error("ResourceNotFound", self.sfn.tag_resource, resourceArn=arn, tags=[{"key": "k", "value": "v"}])

        self.assertEqual(f"Resource not found: '{arn}'", message)

    def test_a_version_cannot_be_tagged(self):
        version_arn = self.create_machine(publish=True)["stateMachineVersionArn"]

        self.assert_error("ResourceNotFound", self.sfn.tag_resource, resourceArn=version_arn, tags=[{"key": "k", "value": "v"}])
