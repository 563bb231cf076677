using System.Diagnostics;
using System.Globalization;
using Stepwise.Hosting.CrashHost;
using Stepwise.Json;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Sqlite;
using Stepwise.Hosting.Tests.TestSupport;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>
/// Kills a real engine process (SIGKILL) at random moments and restarts it on the same SQLite file: every execution
/// must still complete with the output the in-memory engine computes, with no state entered twice and no gap in event
/// ids. Real time with short waits (a second each); the whole test stays well under a minute.
/// </summary>
public sealed class CrashTests
{
    private const int Executions = 12;
    private const int Kills = 4;

    [Fact]
    public async Task Executions_survive_repeated_kills_of_the_engine_process_and_complete_exactly_once()
    {
        string folder = Path.Combine(Path.GetTempPath(), "stepwise-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string database = Path.Combine(folder, "stepwise.db");
        var random = new Random(2024);
        try
        {
            var host = await StartHostAsync(database, Executions);
            for (int kill = 0; kill < Kills; kill++)
            {
                await Task.Delay(random.Next(300, 1500));
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
                host.Dispose();
                host = await StartHostAsync(database, 0);
            }

            await WaitUntilAllFinishedAsync(database, TimeSpan.FromSeconds(40));
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            host.Dispose();

            await VerifyAsync(database);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task VerifyAsync(string database)
    {
        await using var memory = new StepwiseEngine(new StepwiseEngineOptions { FastTime = true });
        CrashWorkload.Register(memory.RegisterLambda);
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = database });
        await store.InitializeAsync();
        for (int i = 0; i < Executions; i++)
        {
            var expected = await memory.RunAsync(JsonValue.Parse(CrashWorkload.Definition), CrashWorkload.Input(i));
            Assert.Equal(ExecutionStatus.Succeeded, expected.Status);
            string arn = ExecutionArn(i);
            var record = await store.Executions.GetAsync(arn);
            Assert.NotNull(record);
            Assert.Equal(ExecutionStatuses.Succeeded, record.Status);
            Assert.Equal(expected.Output, JsonValue.Parse(record.Output!));

            var history = new List<JsonObject>();
            string? token = null;
            do
            {
                var page = await store.Executions.GetHistoryAsync(arn, false, new PageRequest(500, token));
                foreach (var e in page.Items)
                {
                    history.Add(JsonValue.Parse(e.Json).AsObject());
                }

                token = page.NextToken;
            }
            while (token is not null);
            HistoryAssert.IsWellFormed(history);
            Assert.Equal(expected.History.Count, history.Count);
        }
    }

    private static string ExecutionArn(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"arn:aws:states:us-east-1:123456789012:execution:{CrashWorkload.Name}:e-{i}");

    private static async Task WaitUntilAllFinishedAsync(string database, TimeSpan limit)
    {
        await using var store = new SqliteStore(new SqliteStoreOptions { Path = database });
        await store.InitializeAsync();
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            int running = 0;
            for (int i = 0; i < Executions; i++)
            {
                var record = await store.Executions.GetAsync(ExecutionArn(i));
                if (record is null || record.Status == ExecutionStatuses.Running)
                {
                    running++;
                }
            }

            if (running == 0)
            {
                return;
            }

            Assert.True(stopwatch.Elapsed < limit, $"{running} executions still running after {limit}.");
            await Task.Delay(200);
        }
    }

    private static async Task<Process> StartHostAsync(string database, int executions)
    {
        // The host's own output folder: same configuration and framework as this test assembly.
        string testFolder = AppContext.BaseDirectory;
        string hostFolder = testFolder.Replace("Stepwise.Hosting.Tests", "Stepwise.Hosting.CrashHost", StringComparison.Ordinal);
        string hostDll = Path.Combine(hostFolder, "Stepwise.Hosting.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(executions.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("crash-host: " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ready", line);
        return process;
    }
}
