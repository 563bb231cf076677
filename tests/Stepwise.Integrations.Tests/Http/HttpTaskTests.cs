using Stepwise.Hosting;
using Stepwise.Integrations.Configuration;
using Stepwise.Integrations.Tests.Lambda;
using Stepwise.Integrations.Tests.TestSupport;
using Stepwise.Json;

namespace Stepwise.Integrations.Tests.Http;

/// <summary><c>arn:aws:states:::http:invoke</c> against a loopback listener, with the operator's allow-list and connections.</summary>
public sealed class HttpTaskTests
{
    private static async Task<ExecutionResult> RunAsync(IntegrationsConfiguration configuration, string parameters)
    {
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration });
        return await engine.RunAsync(CommandLambdaBackendTests.Machine("arn:aws:states:::http:invoke", "\"Parameters\": " + parameters + ","), JsonObject.Empty);
    }

    private static IntegrationsConfiguration Allowing(LoopbackServer server)
    {
        var configuration = new IntegrationsConfiguration();
        configuration.AllowedHosts.Add(server.Uri.Authority);
        return configuration;
    }

    [Fact]
    public async Task A_JSON_request_goes_out_with_headers_and_query_and_the_answer_comes_back_parsed()
    {
        await using var server = new LoopbackServer(request => new(201, """{"id": 7}""", ("Content-Type", "application/json")));

        var result = await RunAsync(Allowing(server), """
            {"ApiEndpoint": "@server.Uriorders", "Method": "POST", "Headers": {"X-Trace": "abc"},
             "QueryParameters": {"dryRun": "false", "tag": ["a", "b"]}, "RequestBody": {"item": "book", "qty": 2}}
            """.Replace("@server.Uri", $"{server.Uri}", StringComparison.Ordinal));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var output = result.Output!.AsObject();
        Assert.Equal("""{"id":7}""", output["ResponseBody"]!.ToJsonString());
        Assert.Equal("201", output["StatusCode"]!.ToJsonString());
        Assert.Equal("Created", output["StatusText"]!.AsString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/orders?dryRun=false&tag=a&tag=b", request.PathAndQuery);
        Assert.Equal("""{"item":"book","qty":2}""", request.Body);
        Assert.Equal("abc", request.Headers["X-Trace"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_URL_encoded_body_spells_arrays_as_the_ArrayFormat_says()
    {
        await using var server = new LoopbackServer(request => new(200, "ok"));

        var result = await RunAsync(Allowing(server), """
            {"ApiEndpoint": "@server.Uriform", "Method": "PUT", "RequestBody": {"ids": [1, 2], "user": {"name": "Ada"}},
             "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "BRACKETS"}}}
            """.Replace("@server.Uri", $"{server.Uri}", StringComparison.Ordinal));

        Assert.Equal("\"ok\"", result.Output!.AsObject()["ResponseBody"]!.ToJsonString());
        Assert.Equal("ids%5B%5D=1&ids%5B%5D=2&user%5Bname%5D=Ada", Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task A_configured_connection_adds_its_credentials()
    {
        await using var server = new LoopbackServer(request => new(200, "{}"));
        var configuration = Allowing(server);
        configuration.Connections["orders-api"] = new HttpConnection { Headers = new Dictionary<string, string> { ["x-api-key"] = "secret" } };

        await RunAsync(configuration, """
            {"ApiEndpoint": "@server.Uri", "Method": "GET", "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/orders-api/5f1c"}}
            """.Replace("@server.Uri", $"{server.Uri}", StringComparison.Ordinal));

        Assert.Equal("secret", Assert.Single(server.Requests).Headers["x-api-key"]);
    }

    [Fact]
    public async Task A_non_2xx_answer_fails_with_States_Http_StatusCode()
    {
        await using var server = new LoopbackServer(request => new(404, """{"message": "no such order"}"""));

        var result = await RunAsync(Allowing(server), """{"ApiEndpoint": "@server.Uriorders/9", "Method": "GET"}""".Replace("@server.Uri", $"{server.Uri}", StringComparison.Ordinal));

        Assert.Equal("States.Http.StatusCode.404", result.Error);
        Assert.Equal("no such order", JsonValue.Parse(result.Cause!).AsObject()["ResponseBody"]!.AsObject()["message"]!.AsString());
    }

    [Fact]
    public async Task A_host_the_operator_did_not_allow_is_never_called()
    {
        await using var server = new LoopbackServer(request => new(200, "{}"));

        var result = await RunAsync(new IntegrationsConfiguration(), """{"ApiEndpoint": "@server.Uri", "Method": "GET"}""".Replace("@server.Uri", $"{server.Uri}", StringComparison.Ordinal));

        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal($"The HTTP Task may not call '{server.Uri.Authority}': add it to http.allowedHosts in stepwise.json or to STEPWISE_HTTP_ALLOWED_HOSTS.", result.Cause);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_unknown_connection_and_a_refused_connection_fail_clearly()
    {
        using var refusing = new RefusingPort();
        int port = refusing.Port;
        var configuration = new IntegrationsConfiguration();
        configuration.AllowedHosts.Add("127.0.0.1");

        var unknown = await RunAsync(configuration, """{"ApiEndpoint": "http://127.0.0.1:@port/", "Method": "GET", "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/missing/1"}}""".Replace("@port", $"{port}", StringComparison.Ordinal));
        var refused = await RunAsync(configuration, """{"ApiEndpoint": "http://127.0.0.1:@port/", "Method": "GET"}""".Replace("@port", $"{port}", StringComparison.Ordinal));

        Assert.Equal("States.Runtime", unknown.Error);
        Assert.Contains("is not configured: add it to http.connections", unknown.Cause, StringComparison.Ordinal);
        Assert.Equal("States.Http.Socket", refused.Error);
    }
}
