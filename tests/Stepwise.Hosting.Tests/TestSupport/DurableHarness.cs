using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Paging;
using Stepwise.Testing;

namespace Stepwise.Hosting.Tests.TestSupport;

/// <summary>
/// A durable engine on an in-memory store and a manual clock. <see cref="Restart"/> replaces the engine with a new
/// one on the same store, as a restarted process would find it.
/// </summary>
internal sealed class DurableHarness : IAsyncDisposable
{
    /// <summary>A guard against a hung test, never a wait for time to pass (the manual clock does that).</summary>
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20);

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Action<DurableEngineOptions>? _configure;

    /// <param name="store">The store; a new in-memory one by default.</param>
    /// <param name="configure">Changes to <see cref="Options"/> for every engine the harness makes.</param>
    public DurableHarness(IStepwiseStore? store = null, Action<DurableEngineOptions>? configure = null)
    {
        Store = store ?? new InMemoryStore();
        _configure = configure;
        Engine = NewEngine();
    }

    public IStepwiseStore Store { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public DurableEngine Engine { get; private set; }

    public List<Exception> Errors { get; } = [];

    public static DurableEngineOptions Options(TimeProvider clock) => new()
    {
        Time = clock,
        RandomSeed = 42,
        LeaseDuration = TimeSpan.FromSeconds(30),
        PollInterval = TimeSpan.FromSeconds(1),
        MaxConcurrency = 4,
        NodeId = "test",
        ShutdownTimeout = TimeSpan.FromMilliseconds(200),
    };

    public async Task<string> CreateAsync(string definition, string name = "machine")
    {
        var machine = await Engine.CreateStateMachineAsync(name, definition.Replace('\'', '"'));
        return machine.StateMachineArn;
    }

    public async Task<ExecutionRecord> RunAsync(string stateMachineArn, string input = "{}")
    {
        var started = await Engine.StartExecutionAsync(stateMachineArn, JsonValue.Parse(input));
        return await WaitAsync(started.ExecutionArn);
    }

    public Task<ExecutionRecord> WaitAsync(string executionArn) => Engine.WaitForExecutionAsync(executionArn).WaitAsync(s_guard);

    /// <summary>Simulates a killed process and starts a new one on the same store (not started yet: call <see cref="DurableEngine.StartAsync"/>).</summary>
    public async Task<DurableEngine> CrashAndReplaceAsync()
    {
        await Engine.CrashAsync();
        Engine = NewEngine();
        return Engine;
    }

    public async Task<List<JsonObject>> HistoryAsync(string executionArn)
    {
        var page = await Engine.GetExecutionHistoryAsync(executionArn, PageRequest.First(1000));
        return [.. page.Items];
    }

    /// <summary>
    /// Moves the clock in steps of a second, letting the engine catch up with the current instant before each step (see
    /// <see cref="SettleAsync"/>), until the condition holds.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var end = Clock.GetUtcNow() + limit;
        await SettleAsync();
        while (!await condition())
        {
            Assert.True(Clock.GetUtcNow() < end, "The condition did not hold within the time limit.");
            Clock.Advance(TimeSpan.FromSeconds(1));
            await SettleAsync();
        }
    }

    /// <summary>
    /// Waits (in real time, at most the guard) until the engine has caught up with the manual clock: it does no step and
    /// its loops wait for a later instant, so every timer due has fired and its step is committed (its events carry the
    /// instant it came due). Only then may the clock move again: it never runs ahead of the work an earlier instant set
    /// off, however slow the machine.
    /// </summary>
    private async Task SettleAsync()
    {
        using var guard = new CancellationTokenSource(s_guard);
        while (!Engine.IsIdle)
        {
            Assert.False(guard.IsCancellationRequested, "The engine did not catch up with the manual clock.");
            await Task.Delay(2);
        }
    }

    public async Task<bool> IsFinishedAsync(string executionArn) =>
        (await Engine.DescribeExecutionAsync(executionArn))!.Status != ExecutionStatuses.Running;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Store.DisposeAsync();
    }

    private DurableEngine NewEngine()
    {
        var options = Options(Clock);
        _configure?.Invoke(options);
        var engine = new DurableEngine(Store, options);
        engine.OnError = e =>
        {
            lock (Errors)
            {
                Errors.Add(e);
            }
        };
        return engine;
    }
}
