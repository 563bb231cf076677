using System.CommandLine;
using System.Runtime.InteropServices;
using Stepwise.Api;
using Stepwise.Hosting.Durable;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise serve [--port 8083] [--host 127.0.0.1] [--data DIR]</c>: runs the durable engine on a SQLite database in
/// <c>DIR</c> (default <c>./.stepwise/</c>) and serves the AWS-compatible API on the port. Every execution the database
/// holds as running resumes; the process runs until Ctrl+C or SIGTERM and then shuts down gracefully (the API stops
/// accepting calls, then running work finishes or is given back to the queue).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "The folder of the SQLite database (created when missing).",
            DefaultValueFactory = _ => ".stepwise",
        };
        var config = CommonOptions.Config();
        var port = new Option<int>("--port")
        {
            Description = "The port of the API (0 picks a free one).",
            DefaultValueFactory = _ => new StepwiseServerOptions().Port,
        };
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on; loopback by default (use 0.0.0.0 to accept other machines).",
            DefaultValueFactory = _ => new StepwiseServerOptions().Host,
        };
        var command = new Command("serve", "Run the durable engine and its AWS-compatible API until stopped.") { port, host, data, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = Path.GetFullPath(parse.GetRequiredValue(data));
            var output = parse.InvocationConfiguration.Output;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Ctrl+C and SIGTERM ask for a graceful stop rather than ending the process on the spot.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

            if (!ConfigurationFile.TryLoad(parse.GetValue(config), null, out var integrations, out var mocks, out string? configError))
            {
                parse.InvocationConfiguration.Error.WriteLine($"stepwise: {configError}");
                return StepwiseCli.Failure;
            }

            Directory.CreateDirectory(folder);
            await using var store = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "stepwise.db") });
            await using var engine = new DurableEngine(store, new DurableEngineOptions { Integrations = integrations, Mocks = mocks });
            engine.OnError = e => parse.InvocationConfiguration.Error.WriteLine($"stepwise: {e.GetType().Name}: {e.Message}");
            await engine.StartAsync(CancellationToken.None).ConfigureAwait(false);
            var server = StepwiseServer.Create(engine, new StepwiseServerOptions { Port = parse.GetValue(port), Host = parse.GetRequiredValue(host) });
            await server.StartAsync(CancellationToken.None).ConfigureAwait(false);
            output.WriteLine($"Stepwise is serving {string.Join(", ", StepwiseServer.Addresses(server))} on {folder} (Ctrl+C to stop).");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            output.WriteLine("Stopping: waiting for running steps to finish.");
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
            await engine.StopAsync().ConfigureAwait(false);
            output.WriteLine("Stopped.");
            return 0;

            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return command;
    }
}
