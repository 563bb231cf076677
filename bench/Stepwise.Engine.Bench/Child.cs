using System.Diagnostics;
using System.Globalization;
using Stepwise.Bench;
using Stepwise.Hosting;
using Stepwise.Hosting.Durable;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Engine.Bench;

/// <summary>One (workload, mode) measured in its own process: a warm-up of a tenth, then the timed run.</summary>
internal static class Child
{
    /// <summary>
    /// The figures of one (workload, mode). CPU milliseconds, allocated kilobytes and commits (SQLite transactions,
    /// each one fsync) per execution depend little or not at all on how busy a shared machine is, so they show a
    /// change where the rates are noise.
    /// </summary>
    public readonly record struct Result(double TransitionsPerSecond, double ExecutionsPerSecond, double PeakRssMb, double CpuMsPerExecution,
        double CommitsPerExecution, double AllocatedKbPerExecution);

    public static Result? Spawn(string workload, string mode, string workloads, double scale)
    {
        string[] arguments = ["--child", workload, mode, "--workloads", workloads, "--scale", scale.ToString(CultureInfo.InvariantCulture)];
        if (ChildProcess.Run(typeof(Child).Assembly.Location, arguments, $"{workload}/{mode}") is not { } obj)
        {
            return null;
        }

        return new Result(obj["transitionsPerSec"]!.AsNumber().ToDouble(), obj["executionsPerSec"]!.AsNumber().ToDouble(), obj["peakRssMB"]!.AsNumber().ToDouble(),
            obj["cpuMsPerExec"]!.AsNumber().ToDouble(), obj["commitsPerExec"]!.AsNumber().ToDouble(), obj["allocatedKbPerExec"]!.AsNumber().ToDouble());
    }

    public static async Task RunAsync(string name, string mode, string workloads, double scale)
    {
        var workload = Array.Find(Workload.All, w => w.Name == name) ?? throw new ArgumentException($"unknown workload {name}");
        var definition = Workload.Read(workloads, workload.File);
        int executions = Math.Max(1, (int)Math.Round(workload.Executions * scale));
        Func<int, Task<int>> run;
        IAsyncDisposable owner;
        Func<long> commits = static () => 0;
        if (mode == "express")
        {
            var engine = new StepwiseEngine(new StepwiseEngineOptions { MaxPayloadBytes = workload.MaxPayloadBytes ?? Interpreter.DefaultMaxPayloadBytes });
            Register(engine.RegisterLambda);
            owner = engine;
            var runOptions = new RunOptions { Type = StateMachineType.Express, StateMachineName = name };
            run = async k =>
            {
                var result = await engine.RunAsync(definition, workload.Input(workloads, k), runOptions);
                if (result.Status != ExecutionStatus.Succeeded)
                {
                    throw new InvalidOperationException($"{name} ended {result.Status}: {result.Error} {result.Cause}");
                }

                return Transitions(result.History);
            };
        }
        else
        {
            string folder = Path.Combine(Path.GetTempPath(), "stepwise-bench-" + Guid.NewGuid().ToString("N"));
            var store = new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "stepwise.db") });
            var engine = new DurableEngine(store, new DurableEngineOptions
            {
                PollInterval = TimeSpan.FromMilliseconds(50),
                MaxPayloadBytes = workload.MaxPayloadBytes ?? Interpreter.DefaultMaxPayloadBytes,
            });
            Register(engine.RegisterLambda);
            await engine.StartAsync();
            var machine = await engine.CreateStateMachineAsync(name, definition.ToJsonString());
            owner = new Cleanup(engine, store, folder);
            commits = () => store.CommittedTransactions;
            run = async k =>
            {
                var started = await engine.StartExecutionAsync(machine.StateMachineArn, workload.Input(workloads, k));
                if (workload.Waits)
                {
                    // Started is all there is to it: the execution now waits in the store, on a timer an hour away.
                    return k < 0 ? await WaitingTransitionsAsync(engine, started.ExecutionArn) : 0;
                }

                var done = await engine.WaitForExecutionAsync(started.ExecutionArn);
                if (done.Status != "SUCCEEDED")
                {
                    throw new InvalidOperationException($"{started.ExecutionArn} ended {done.Status}: {done.Error} {done.Cause}");
                }

                // Only the first (untimed) run counts transitions: reading the history back is the client's cost, not the engine's.
                return k < 0 ? await DurableTransitionsAsync(engine, started.ExecutionArn) : 0;
            };
        }

        await using (owner)
        {
            int perExecution = await run(-1);
            await RunManyAsync(run, Math.Max(1, executions / 10), workload.InFlight);
            long commitsBefore = commits();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            long allocatedBefore = GC.GetTotalAllocatedBytes();
            var stopwatch = Stopwatch.StartNew();
            await RunManyAsync(run, executions, workload.InFlight);
            stopwatch.Stop();
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / executions;
            double commitsPerExecution = (double)(commits() - commitsBefore) / executions;
            double allocatedKb = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / executions;
            double seconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"transitionsPerSec\":{perExecution * executions / seconds},\"executionsPerSec\":{executions / seconds},\"peakRssMB\":{ChildProcess.PeakRssMb()},\"cpuMsPerExec\":{cpuMs},\"commitsPerExec\":{commitsPerExecution},\"allocatedKbPerExec\":{allocatedKb}}}"));
        }
    }

    private static async Task RunManyAsync(Func<int, Task<int>> run, int count, int inFlight)
    {
        int next = -1;
        var workers = new Task[Math.Min(inFlight, count)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int k;
                while ((k = Interlocked.Increment(ref next)) < count)
                {
                    await run(k);
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private static int Transitions(IReadOnlyList<Stepwise.Runtime.HistoryEvent> history)
    {
        int count = 0;
        foreach (var e in history)
        {
            if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<int> WaitingTransitionsAsync(DurableEngine engine, string executionArn)
    {
        var record = await engine.DescribeExecutionAsync(executionArn);
        if (record?.Status != "RUNNING")
        {
            throw new InvalidOperationException($"{executionArn} is {record?.Status}, not waiting");
        }

        return await DurableTransitionsAsync(engine, executionArn);
    }

    private static async Task<int> DurableTransitionsAsync(DurableEngine engine, string executionArn)
    {
        int count = 0;
        string? token = null;
        do
        {
            var page = await engine.GetExecutionHistoryAsync(executionArn, new Stepwise.Storage.Paging.PageRequest(1000, token));
            foreach (var e in page.Items)
            {
                if (e["type"]!.AsString().EndsWith("StateEntered", StringComparison.Ordinal))
                {
                    count++;
                }
            }

            token = page.NextToken;
        }
        while (token is not null);
        return count;
    }

    private static void Register(Action<string, TaskHandler> registerLambda) =>
        registerLambda("bench-task", static (request, ct) =>
        {
            var input = request.Input.AsObject();
            long seen = input["seen"] is JsonNumber n && n.TryGetInt64(out long s) ? s : 0;
            return ValueTask.FromResult<JsonValue>(input.With("seen", seen + 1));
        });

    private sealed class Cleanup(DurableEngine engine, SqliteStore store, string folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await engine.DisposeAsync();
            await store.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
