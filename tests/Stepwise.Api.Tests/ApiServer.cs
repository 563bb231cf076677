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

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
