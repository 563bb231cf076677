using Stepwise.Hosting;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.Tests.Lambda;

/// <summary>Functions served by a local command (here <c>python3 -c</c>): the event on stdin, the result on stdout.</summary>
public sealed class CommandLambdaBackendTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:Handler";

    /// <summary>A one-Task machine: <paramref name="fields"/> are more fields of the Task state, each followed by a comma.</summary>
    internal static JsonValue Machine(string resource, string fields) =>
        JsonValue.Parse("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + resource + "\", " + fields + " \"End\": true}}}");

    private static async Task<ExecutionResult> RunAsync(string python, string resource, string parameters, IReadOnlyDictionary<string, string>? environment = null)
    {
        var configuration = new IntegrationsConfiguration();
        configuration.Functions["Handler"] = new LambdaFunctionConfiguration
        {
            Command = ["python3", "-c", python],
            Environment = environment ?? new Dictionary<string, string>(),
        };
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration, RandomSeed = 7 });
        return await engine.RunAsync(Machine(resource, parameters), JsonValue.Parse("""{"name": "Ada"}"""));
    }

    [Fact]
    public async Task A_bare_function_ARN_returns_what_the_command_prints()
    {
        var result = await RunAsync("import json,sys; e=json.load(sys.stdin); print(json.dumps({'greeting': 'Hello, ' + e['name']}))", FunctionArn, "");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"greeting":"Hello, Ada"}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task Lambda_invoke_wraps_the_result_in_the_Invoke_response()
    {
        var result = await RunAsync("import json,sys; print(json.dumps(json.load(sys.stdin)['n'] * 2))",
            "arn:aws:states:::lambda:invoke", """ "Parameters": {"FunctionName": "Handler:live", "Payload": {"n": 21}}, """);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var output = result.Output!.AsObject();
        Assert.Equal("42", output["Payload"]!.ToJsonString());
        Assert.Equal("200", output["StatusCode"]!.ToJsonString());
        Assert.Equal(["ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"], output.Keys.ToArray());
    }

    [Fact]
    public async Task An_error_object_on_stdout_is_a_function_error_named_by_its_errorType()
    {
        var result = await RunAsync("""print('{"errorType": "OrderRejected", "errorMessage": "no stock", "stackTrace": ["line 1"]}')""",
            "arn:aws:states:::lambda:invoke", """ "Parameters": {"FunctionName": "Handler", "Payload.$": "$"}, """);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("OrderRejected", result.Error);
        var cause = JsonValue.Parse(result.Cause!).AsObject();
        Assert.Equal("no stock", cause["errorMessage"]!.AsString());
        Assert.Equal("""["line 1"]""", cause["stackTrace"]!.ToJsonString());
    }

    [Fact]
    public async Task A_non_zero_exit_is_a_Runtime_ExitError_with_stderr_as_the_stack_trace()
    {
        var result = await RunAsync("import sys; sys.stderr.write('boom\\n'); sys.exit(3)", FunctionArn, "");

        Assert.Equal("Runtime.ExitError", result.Error);
        var cause = JsonValue.Parse(result.Cause!).AsObject();
        Assert.EndsWith("Error: Runtime exited with error: exit status 3", cause["errorMessage"]!.AsString(), StringComparison.Ordinal);
        Assert.Equal("""["boom"]""", cause["stackTrace"]!.ToJsonString());
    }

    [Fact]
    public async Task Output_that_is_not_JSON_is_a_Runtime_MarshalError()
    {
        var result = await RunAsync("print('not json')", FunctionArn, "");

        Assert.Equal("Runtime.MarshalError", result.Error);
        Assert.Contains("the command's stdout is not JSON: not json", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_environment_and_the_function_name_reach_the_command()
    {
        var result = await RunAsync("import json,os; print(json.dumps([os.environ['STAGE'], os.environ['AWS_LAMBDA_FUNCTION_NAME']]))", FunctionArn, "",
            new Dictionary<string, string> { ["STAGE"] = "test" });

        Assert.Equal("""["test","Handler"]""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task The_task_timeout_kills_a_command_that_hangs()
    {
        var started = DateTime.UtcNow;
        var configuration = new IntegrationsConfiguration();
        configuration.Functions["Handler"] = new LambdaFunctionConfiguration { Command = ["python3", "-c", "import time; time.sleep(60)"] };
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration, FastTime = true });

        var result = await engine.RunAsync(Machine(FunctionArn, "\"TimeoutSeconds\": 1,"), JsonObject.Empty);

        Assert.Equal("States.Timeout", result.Error);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the hung command was not killed");
    }

    [Fact]
    public async Task A_command_that_cannot_start_fails_with_Lambda_SdkClientException()
    {
        var configuration = new IntegrationsConfiguration();
        configuration.Functions["Handler"] = new LambdaFunctionConfiguration { Command = ["/no/such/program"] };
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration });

        var result = await engine.RunAsync(Machine(FunctionArn, ""), JsonObject.Empty);

        Assert.Equal("Lambda.SdkClientException", result.Error);
        Assert.Contains("/no/such/program", result.Cause, StringComparison.Ordinal);
    }
}
