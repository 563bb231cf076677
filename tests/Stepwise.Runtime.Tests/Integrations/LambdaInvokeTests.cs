using Stepwise.Hosting;
using Stepwise.Json;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Integrations;

public sealed class LambdaInvokeTests
{
    private static Task<ExecutionResult> InvokeAsync(string parameters) => Engines.RunAsync(
        "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':" + parameters + ",'End':true}}}",
        "{}",
        engine => engine.RegisterLambda("echo", (request, _) => ValueTask.FromResult(request.Input)));

    private static JsonObject Headers(ExecutionResult result) =>
        result.Output!.AsObject()["SdkHttpMetadata"]!.AsObject()["HttpHeaders"]!.AsObject();

    [Fact]
    public async Task A_missing_or_null_Payload_reaches_the_function_as_an_empty_event()
    {
        var missing = await InvokeAsync("{'FunctionName':'echo'}");
        var nulled = await InvokeAsync("{'FunctionName':'echo','Payload':null}");

        Assert.Equal("{}", missing.Output!.AsObject()["Payload"]!.ToJsonString());
        Assert.Equal("{}", nulled.Output!.AsObject()["Payload"]!.ToJsonString());
    }

    [Fact]
    public async Task A_string_Payload_is_the_request_body_the_function_parses()
    {
        var result = await InvokeAsync("{'FunctionName':'echo','Payload':'[1, 2]'}");

        Assert.Equal("[1,2]", result.Output!.AsObject()["Payload"]!.ToJsonString());
    }

    [Fact]
    public async Task Content_Length_counts_the_function_response_as_Python_wrote_it()
    {
        var result = await InvokeAsync("{'FunctionName':'echo','Payload':{'Return':'HelloWorld'}}");

        // {"Return": "HelloWorld"} with Python's separator spaces is 24 bytes.
        Assert.Equal("24", Headers(result)["Content-Length"]!.AsString());
    }

    [Fact]
    public async Task LogType_Tail_adds_a_LogResult_and_its_header()
    {
        var tail = await InvokeAsync("{'FunctionName':'echo','LogType':'Tail'}");
        var none = await InvokeAsync("{'FunctionName':'echo'}");

        Assert.Equal(["ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"], tail.Output!.AsObject().Keys.ToArray());
        Assert.Equal(tail.Output.AsObject()["LogResult"]!.AsString(), Headers(tail)["X-Amz-Log-Result"]!.AsString());
        Assert.False(none.Output!.AsObject().ContainsKey("LogResult"));
    }

    [Fact]
    public async Task The_request_id_is_shared_by_the_response_metadata_and_headers()
    {
        var result = await InvokeAsync("{'FunctionName':'echo'}");

        var requestId = result.Output!.AsObject()["SdkResponseMetadata"]!.AsObject()["RequestId"]!.AsString();
        Assert.Equal(requestId, Headers(result)["x-amzn-RequestId"]!.AsString());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4", requestId);
    }
}
