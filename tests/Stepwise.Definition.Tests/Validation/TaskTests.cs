using Stepwise.Definition.Validation;

namespace Stepwise.Definition.Tests.Validation;

public sealed class TaskTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:111111111111:function:f";

    [Fact]
    public void A_Task_needs_a_Resource()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"Type":"Task","End":true}"""), "These fields are required: [Resource]", "/States/X");
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:111111111111:activity:a", "Express state machine does not support Activity ARN")]
    [InlineData("arn:aws:states:::states:startExecution.sync", "Express state machine does not support '.sync' service integration")]
    [InlineData("arn:aws:states:::states:startExecution.sync:2", "Express state machine does not support '.sync' service integration")]
    [InlineData("arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Express state machine does not support '.waitForTaskToken' service integration ")]
    public void Express_machines_reject_activities_and_waiting_integration_patterns(string resource, string message)
    {
        string definition = $$$$"""{"StartAt":"X","States":{"X":{"Type":"Task","Resource":"{{{{resource}}}}","Parameters":{"StateMachineArn":"a","QueueUrl":"q","MessageBody":"m"},"End":true}}}""";

        Asl.AssertSchema(Asl.ValidateExpress(definition), message, "/States/X/Resource");
        Asl.AssertValid(Asl.Validate(definition));
    }

    [Fact]
    public void An_action_an_optimized_integration_does_not_have_is_not_recognized()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Task","Resource":"arn:aws:states:::dynamodb:query","End":true}"""),
            "The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
            "/States/X/Resource");
    }

    [Theory]
    [InlineData("arn:aws:states:::aws-sdk:dynamodb:query")]
    [InlineData("arn:aws:states:::sns:publish")]
    [InlineData("arn:aws:states:::http:invoke")]
    [InlineData(Lambda)]
    public void Known_resources_are_accepted(string resource)
    {
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{resource}}}}","End":true}"""));
    }

    [Fact]
    public void A_Resource_that_is_not_an_ARN_is_not_recognized()
    {
        var diagnostic = Asl.Single(Asl.ValidateState("""{"Type":"Task","Resource":"createToken","End":true}"""));

        Assert.StartsWith("The resource provided createToken is not recognized.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"InvalidField":"invalid"}""")]
    public void Credentials_need_a_RoleArn(string credentials)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"Credentials":{{{{credentials}}}}}"""),
            "The field 'RoleArn' is required but was missing", "/States/X/Credentials");
    }

    [Fact]
    public void A_JSONPath_state_may_take_its_role_from_a_path()
    {
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"Credentials":{"RoleArn.$":"$.role"}}"""));
    }

    [Fact]
    public void TimeoutSeconds_must_be_positive()
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"TimeoutSeconds":0}"""),
            "The value for the field 'TimeoutSeconds' must be greater than or equal to 1", "/States/X/TimeoutSeconds");
    }

    [Fact]
    public void TimeoutSeconds_must_be_an_integer()
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"TimeoutSeconds":1.5}"""),
            "The value for the field 'TimeoutSeconds' must be an INTEGER", "/States/X/TimeoutSeconds");
    }

    [Fact]
    public void TimeoutSeconds_and_TimeoutSecondsPath_exclude_each_other()
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"TimeoutSeconds":5,"TimeoutSecondsPath":"$.t"}"""),
            "The fields 'TimeoutSeconds' and 'TimeoutSecondsPath' cannot both be specified", "/States/X");
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 11)]
    public void HeartbeatSeconds_must_be_below_TimeoutSeconds(int timeout, int heartbeat)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"TimeoutSeconds":{{{{timeout}}}},"HeartbeatSeconds":{{{{heartbeat}}}}}"""),
            "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds'", "/States/X/HeartbeatSeconds");
    }

    [Fact]
    public void A_heartbeat_below_the_timeout_is_accepted()
    {
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"TimeoutSeconds":10,"HeartbeatSeconds":9}"""));
    }

    [Fact]
    public void A_JSONata_Task_may_compute_its_timeout()
    {
        Asl.AssertValid(Asl.Validate($$$$"""
            {"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Task","Resource":"{{{{Lambda}}}}","End":true,"TimeoutSeconds":"{% $states.input.t %}","Arguments":{"a":1},"Output":"{% $states.result %}"}}}
            """));
    }

    [Theory]
    [InlineData("lambda:invoke", "{\"Payload.$\":\"$\"}", "FunctionName")]
    [InlineData("sqs:sendMessage", "{\"QueueUrl\":\"q\"}", "MessageBody")]
    [InlineData("states:startExecution.sync:2", "{\"Input.$\":\"$\"}", "StateMachineArn")]
    [InlineData("dynamodb:putItem", "{\"TableName\":\"t\"}", "Item")]
    public void An_optimized_integration_needs_its_mandatory_request_fields(string action, string parameters, string field)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Task","Resource":"arn:aws:states:::{{{{action}}}}","Parameters":{{{{parameters}}}},"End":true}"""),
            $"The field '{field}' is required but was missing", "/States/X/Parameters");
    }

    [Fact]
    public void A_mandatory_request_field_may_come_from_a_path()
    {
        Asl.AssertValid(Asl.ValidateState("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName.$":"$.fn"},"End":true}"""));
    }

    [Fact]
    public void Missing_Parameters_are_reported_at_the_state()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}"""),
            "The field 'FunctionName' is required but was missing", "/States/X");
    }

    [Fact]
    public void A_JSONata_Arguments_expression_is_not_checked_for_request_fields()
    {
        Asl.AssertValid(Asl.Validate("""{"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":"{% $states.input %}","End":true}}}"""));
    }

    [Fact]
    public void States_in_EXPRESS_child_executions_of_a_Distributed_Map_have_Express_restrictions()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""
                {"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"T",
                  "States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken","End":true}}}}
                """),
            "Express state machine does not support '.waitForTaskToken' service integration ", "/States/X/ItemProcessor/States/T/Resource");
    }

    [Fact]
    public void States_in_STANDARD_child_executions_may_wait_for_a_task_token()
    {
        Asl.AssertValid(Asl.ValidateState("""
            {"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"T",
              "States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken","End":true}}}}
            """));
    }
}
