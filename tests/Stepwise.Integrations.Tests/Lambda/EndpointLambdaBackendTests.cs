using Stepwise.Hosting;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Tests.TestSupport;
using Stepwise.Json;

namespace Stepwise.Integrations.Tests.Lambda;

/// <summary>Functions served by an endpoint that speaks Lambda's Invoke API (here an in-test listener standing in for SAM local or AWS).</summary>
public sealed class EndpointLambdaBackendTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:Greet";

    private static async Task<ExecutionResult> RunAsync(LoopbackServer server, JsonValue definition, AwsCredentials? credentials = null)
    {
        var configuration = new IntegrationsConfiguration { LambdaEndpoint = server.Uri, Credentials = credentials };
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration });
        return await engine.RunAsync(definition, JsonValue.Parse("""{"name": "Ada"}"""));
    }

    [Fact]
    public async Task The_event_is_posted_to_the_Invoke_API_and_the_response_is_the_result()
    {
        await using var server = new LoopbackServer(request => new(200, """{"greeting": "Hello"}"""));

        var result = await RunAsync(server, CommandLambdaBackendTests.Machine(FunctionArn, ""));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"greeting":"Hello"}""", result.Output!.ToJsonString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2015-03-31/functions/Greet/invocations", request.PathAndQuery);
        Assert.Equal("""{"name":"Ada"}""", request.Body);
        Assert.Equal("RequestResponse", request.Headers["X-Amz-Invocation-Type"]);
    }

    [Fact]
    public async Task Lambda_invoke_sends_the_qualifier_and_invocation_type_and_signs_with_the_credentials()
    {
        await using var server = new LoopbackServer(request => new(202, ""));

        var result = await RunAsync(server, CommandLambdaBackendTests.Machine("arn:aws:states:::lambda:invoke",
            """ "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:Greet:prod", "InvocationType": "Event", "Payload.$": "$"}, """),
            new AwsCredentials("AKID", "SECRET"));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("202", result.Output!.AsObject()["StatusCode"]!.ToJsonString());
        Assert.Equal("\"\"", result.Output!.AsObject()["Payload"]!.ToJsonString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/2015-03-31/functions/Greet/invocations?Qualifier=prod", request.PathAndQuery);
        Assert.Equal("Event", request.Headers["X-Amz-Invocation-Type"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/us-east-1/lambda/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_error_becomes_its_errorType_with_AWSs_cause()
    {
        await using var server = new LoopbackServer(request => new(200,
            """{"errorMessage": "bad name", "errorType": "ValueError", "stackTrace": ["  File \"/var/task/app.py\", line 3"]}""",
            ("X-Amz-Function-Error", "Unhandled")));

        var result = await RunAsync(server, CommandLambdaBackendTests.Machine(FunctionArn, ""));

        Assert.Equal("ValueError", result.Error);
        var cause = JsonValue.Parse(result.Cause!).AsObject();
        Assert.Equal(["errorMessage", "errorType", "requestId", "stackTrace"], cause.Keys.ToArray());
        Assert.Equal("bad name", cause["errorMessage"]!.AsString());
    }

    [Theory]
    [InlineData(404, "ResourceNotFoundException", "Lambda.ResourceNotFoundException")]
    [InlineData(429, "TooManyRequestsException", "Lambda.TooManyRequestsException")]
    [InlineData(500, null, "Lambda.ServiceException")]
    [InlineData(400, null, "Lambda.AWSLambdaException")]
    public async Task A_service_error_is_named_as_AWS_names_it(int status, string? errorType, string expected)
    {
        await using var server = new LoopbackServer(request => errorType is null
            ? new(status, """{"message": "it broke"}""", ("x-amzn-RequestId", "req-1"))
            : new(status, """{"Type": "User", "message": "it broke"}""", ("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/"), ("x-amzn-RequestId", "req-1")));

        var result = await RunAsync(server, CommandLambdaBackendTests.Machine(FunctionArn, ""));

        Assert.Equal(expected, result.Error);
        Assert.Equal($"it broke (Service: AWSLambda; Status Code: {status}; Error Code: {errorType ?? expected[7..]}; Request ID: req-1; Proxy: null)", result.Cause);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_with_Lambda_SdkClientException()
    {
        using var refusing = new RefusingPort();
        var configuration = new IntegrationsConfiguration { LambdaEndpoint = new Uri($"http://127.0.0.1:{refusing.Port}/") };
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration });

        var result = await engine.RunAsync(CommandLambdaBackendTests.Machine(FunctionArn, ""), JsonObject.Empty);

        Assert.Equal("Lambda.SdkClientException", result.Error);
        Assert.StartsWith("Unable to execute HTTP request: ", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_handler_wins_over_the_endpoint()
    {
        await using var server = new LoopbackServer(request => new(200, "\"from the endpoint\""));
        var configuration = new IntegrationsConfiguration { LambdaEndpoint = server.Uri };
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration });
        engine.RegisterLambda("Greet", (request, _) => ValueTask.FromResult<JsonValue>("in process"));

        var result = await engine.RunAsync(CommandLambdaBackendTests.Machine(FunctionArn, ""), JsonObject.Empty);

        Assert.Equal("\"in process\"", result.Output!.ToJsonString());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Lambda_invoke_waitForTaskToken_hands_the_function_the_token_and_waits_for_it()
    {
        await using var server = new LoopbackServer(request => new(200, "null"));
        var configuration = new IntegrationsConfiguration { LambdaEndpoint = server.Uri };
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration, FastTime = true });

        var result = await engine.RunAsync(CommandLambdaBackendTests.Machine("arn:aws:states:::lambda:invoke.waitForTaskToken",
            "\"TimeoutSeconds\": 60, \"Parameters\": {\"FunctionName\": \"Greet\", \"Payload\": {\"token.$\": \"$$.Task.Token\"}},"), JsonObject.Empty);

        Assert.Equal("States.Timeout", result.Error);
        Assert.Contains(result.History, e => e.Type == "TaskSubmitted");
        string token = JsonValue.Parse(Assert.Single(server.Requests).Body).AsObject()["token"]!.AsString();
        Assert.False(string.IsNullOrEmpty(token));
    }
}
