using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Stepwise.Api.Console;
using Stepwise.Api.Protocol;
using Stepwise.Hosting.Durable;

namespace Stepwise.Api;

/// <summary>
/// The HTTP server of <c>stepwise serve</c>: the AWS-compatible API on <c>POST /</c> over a <see cref="DurableEngine"/>,
/// and the web console on <c>GET /</c> (it calls the same API from the browser).
/// The engine is the caller's: start it before the server and stop it after.
/// </summary>
public static class StepwiseServer
{
    /// <summary>Builds the web application serving <paramref name="engine"/> (not started: call <c>StartAsync</c> or <c>RunAsync</c>).</summary>
    public static WebApplication Create(DurableEngine engine, StepwiseServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{HostForUrl(options.Host)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ApiEndpoint.MaxBodyBytes);
        builder.Services.AddSingleton(new ApiContext(engine, options));
        builder.Services.AddSingleton(ApiActions.CreateCatalog());
        builder.Services.AddSingleton<ApiEndpoint>();

        var app = builder.Build();
        var endpoint = app.Services.GetRequiredService<ApiEndpoint>();
        app.MapPost("/", endpoint.HandleAsync);
        var console = ConsoleFiles.Load(typeof(StepwiseServer).Assembly);
        app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], console.ServeAsync);
        return app;
    }

    /// <summary>The addresses the started server listens on (with the port chosen when <see cref="StepwiseServerOptions.Port"/> is 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Urls];
    }

    private static string HostForUrl(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
