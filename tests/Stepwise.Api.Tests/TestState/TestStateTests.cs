using Stepwise.Json;

namespace Stepwise.Api.Tests.TestState;

public sealed class TestStateTests
{
    private static string Request(string definition, string extra = "") =>
        $$"""{"definition":{{JsonText.Quote(definition)}}{{extra}}}""";

    [Fact]
    public async Task A_Pass_state_answers_its_output_and_at_DEBUG_its_data_flow_as_JSON_text()
    {
        await using var server = await ApiServer.StartAsync();

        var (status, body) = await server.CallAsync("TestState", Request("""{"Type":"Pass","InputPath":"$.a","Next":"B"}""",
            ""","input":"{\"a\":{\"b\":1}}","inspectionLevel":"DEBUG" """));

        Assert.Equal(200, status);
        Assert.Equal("SUCCEEDED", body["status"]!.AsString());
        Assert.Equal("""{"b":1}""", body["output"]!.AsString());
        Assert.Equal("B", body["nextState"]!.AsString());
        var inspection = body["inspectionData"]!.AsObject();
        Assert.Equal("""{"a":{"b":1}}""", inspection["input"]!.AsString());
        Assert.Equal("""{"b":1}""", inspection["afterInputPath"]!.AsString());
    }

    [Fact]
    public async Task INFO_answers_no_inspection_data()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, body) = await server.CallAsync("TestState", Request("""{"Type":"Succeed"}"""));

        Assert.Equal("SUCCEEDED", body["status"]!.AsString());
        Assert.Null(body["inspectionData"]);
    }

    [Fact]
    public async Task A_mocked_error_that_a_retrier_matches_is_RETRIABLE()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, body) = await server.CallAsync("TestState", Request("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},
             "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":2}],"End":true}
            """, ""","inspectionLevel":"TRACE","mock":{"errorOutput":{"error":"Boom","cause":"why"}}"""));

        Assert.Equal("RETRIABLE", body["status"]!.AsString());
        Assert.Equal("Boom", body["error"]!.AsString());
        var details = body["inspectionData"]!.AsObject()["errorDetails"]!.AsObject();
        Assert.Equal("0", details["retryIndex"]!.ToJsonString());
        Assert.Equal("2", details["retryBackoffIntervalSeconds"]!.ToJsonString());
    }

    [Fact]
    public async Task A_state_of_a_whole_machine_is_tested_by_name_with_the_registered_handler()
    {
        await using var server = await ApiServer.StartAsync();
        server.Engine.RegisterLambda("Double", (request, _) =>
            ValueTask.FromResult<JsonValue>(request.Input.AsObject()["n"]!.AsNumber().ToDouble() * 2));

        var (_, body) = await server.CallAsync("TestState", Request("""
            {"StartAt":"First","States":{"First":{"Type":"Pass","Next":"Work"},
             "Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Double","Next":"Done"},
             "Done":{"Type":"Succeed"}}}
            """, ""","stateName":"Work","roleArn":"arn:aws:iam::123456789012:role/r","input":"{\"n\":21}" """));

        Assert.True(body["status"] is JsonString { Value: "SUCCEEDED" }, body.ToJsonString());
        Assert.Equal("42", body["output"]!.AsString());
        Assert.Equal("Done", body["nextState"]!.AsString());
    }

    [Theory]
    [InlineData("""{"Type":"Pass","End":true}""", ""","mock":{"result":"{}"}""", "ValidationException", "State type 'Pass' is not supported when a mock is specified")]
    [InlineData("""{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}],"End":true}""", "", "InvalidDefinition", "TestState API does not support Map or Parallel states")]
    [InlineData("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}""", "", "ValidationException", "RoleArn must be specified when testing a Task state")]
    [InlineData("""{"Type":"Nope","End":true}""", "", "InvalidDefinition", "at /States/StateName/Type")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", ""","stateName":"B" """, "ValidationException", "State not found in definition")]
    [InlineData("""{"Type":"Pass","End":true}""", ""","input":"not json" """, "InvalidExecutionInput", "Invalid State Machine Execution Input")]
    [InlineData("""{"Type":"Pass","End":true}""", ""","context":"{\"Map\":{}}" """, "ValidationException", "'Map' field is not supported")]
    public async Task A_request_TestState_refuses_answers_AWS_error(string definition, string extra, string type, string message)
    {
        await using var server = await ApiServer.StartAsync();

        var (status, body) = await server.CallAsync("TestState", Request(definition, extra));

        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#" + type, body["__type"]!.AsString());
        Assert.Contains(message, body["message"]!.AsString(), StringComparison.Ordinal);
    }
}
