using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Storage.InMemory;

namespace Stepwise.Api.Tests;

/// <summary>A live API on a free loopback port over an in-memory store, and a client that speaks AWS JSON 1.0 to it.</summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private ApiServer(DurableEngine engine, WebApplication app)
    {
        Engine = engine;
        _app = app;
        _http = new HttpClient { BaseAddress = new Uri(StepwiseServer.Addresses(app)[0]) };
    }

    public DurableEngine Engine { get; }

    /// <summary>The server's address, for clients outside the test process (an SDK in a script).</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    public static async Task<ApiServer> StartAsync(DurableEngineOptions? options = null)
    {
        var engine = new DurableEngine(new InMemoryStore(), options);
        await engine.StartAsync();
        var app = StepwiseServer.Create(engine, new StepwiseServerOptions { Port = 0 });
        await app.StartAsync();
        return new ApiServer(engine, app);
    }

    /// <summary>Calls <paramref name="action"/> with <paramref name="body"/> (JSON text) and returns the status and the parsed response.</summary>
    public async Task<(int Status, JsonObject Body)> CallAsync(string action, string body = "{}")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + action);
        using var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonValue.Parse(text).AsObject());
    }

    /// <summary>Sends <paramref name="request"/> (a GET of the console, say) to the server as it is.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Calls <paramref name="action"/> and asserts it succeeded; returns the response.</summary>
    public async Task<JsonObject> CallOkAsync(string action, string body = "{}")
    {
        var (status, response) = await CallAsync(action, body);
        Assert.True(status == 200, $"{action} answered {status}: {response.ToJsonString()}");
        return response;
    }

    /// <summary>Calls <paramref name="action"/> and asserts it failed with <paramref name="errorType"/>; returns the message.</summary>
    public async Task<string> CallFailsAsync(string action, string body, string errorType)
    {
        var (status, response) = await CallAsync(action, body);
        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#" + errorType, response["__type"]!.AsString());
        return response["message"]!.AsString();
    }

    /// <summary>Creates a state machine through the API and returns its ARN.</summary>
    public async Task<string> CreateStateMachineAsync(string name, string definition = PassDefinition, string type = "STANDARD")
    {
        var response = await CallOkAsync("CreateStateMachine",
            $$"""{"name":"{{name}}","definition":{{Quote(definition)}},"roleArn":"arn:aws:iam::123456789012:role/r","type":"{{type}}"}""");
        return response["stateMachineArn"]!.AsString();
    }

    /// <summary>A one-state definition whose output is <c>{"done":true}</c>.</summary>
    public const string PassDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"done":true},"End":true}}}""";

    /// <summary><paramref name="text"/> as a JSON string literal.</summary>
    public static string Quote(string text) => ((JsonValue)text).ToJsonString();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
