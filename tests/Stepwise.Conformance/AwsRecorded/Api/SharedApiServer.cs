using Stepwise.Api.Tests;
using Stepwise.Hosting.Durable;

namespace Stepwise.Conformance.AwsRecorded.Api;

/// <summary>
/// One live API for the cases of a test class that store nothing (TestState, ValidateStateMachineDefinition); every
/// other case gets a server of its own from <see cref="StartAsync"/>.
/// </summary>
public sealed class SharedApiServer : IAsyncLifetime
{
    private ApiServer? _server;

    internal ApiServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A server whose ARNs carry the corpus's account and region, as the recorded requests and messages do.</summary>
    internal static Task<ApiServer> StartAsync() =>
        ApiServer.StartAsync(new DurableEngineOptions { AccountId = "111111111111", Region = "us-east-1" });

    public async Task InitializeAsync() => _server = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
