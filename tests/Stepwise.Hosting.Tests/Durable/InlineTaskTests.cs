using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>Tasks served by a handler in this process, which a step runs while it is decided.</summary>
public sealed class InlineTaskTests
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20);

    // Three tasks that answer at once (each reuses the token source the one before it gave back), then one that does not.
    private const string QuickThenSlow = """
        {'StartAt':'Q1','States':{
          'Q1':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:quick','Next':'Q2'},
          'Q2':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:quick','Next':'Q3'},
          'Q3':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:quick','Next':'S'},
          'S':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:slow','End':true}}}
        """;

    [Fact]
    public async Task Stopping_an_execution_cancels_the_handler_still_running_after_handlers_that_answered_at_once()
    {
        await using var harness = new DurableHarness();
        var tokens = new List<CancellationToken>();
        harness.Engine.RegisterLambda("quick", (request, ct) =>
        {
            tokens.Add(ct);
            return ValueTask.FromResult<JsonValue>(request.Input);
        });
        var running = RegisterSlow(harness);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(QuickThenSlow);

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        var slowToken = await running.Task.WaitAsync(s_guard);
        await harness.Engine.StopExecutionAsync(started.ExecutionArn, "Halt", "by test");
        var stopped = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Aborted, stopped.Status);
        Assert.Equal(3, tokens.Count);
        await WaitCancelledAsync(slowToken);
        Assert.True(slowToken.IsCancellationRequested);
    }

    [Fact]
    public async Task A_handler_that_does_not_answer_within_TimeoutSeconds_times_out_after_handlers_that_answered_at_once()
    {
        const string definition = """
            {'StartAt':'Q','States':{
              'Q':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:quick','Next':'S'},
              'S':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:slow','TimeoutSeconds':5,'End':true}}}
            """;
        await using var harness = new DurableHarness();
        harness.Engine.RegisterLambda("quick", (request, ct) => ValueTask.FromResult<JsonValue>(request.Input));
        var running = RegisterSlow(harness);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        var slowToken = await running.Task.WaitAsync(s_guard);
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(20));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(ExecutionStatuses.Failed, result.Status);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(DurableHarness.Start.AddSeconds(5), result.StopDate);
        await WaitCancelledAsync(slowToken);
        Assert.True(slowToken.IsCancellationRequested);
    }

    [Fact]
    public void The_idempotency_hash_is_the_stable_hash_of_the_idempotency_key()
    {
        const string arn = "arn:aws:states:us-east-1:123456789012:execution:m:e";
        // Asked in turn for two executions, so the prefix the hash keeps for the execution asked last changes each time.
        const string other = "arn:aws:states:us-east-1:123456789012:execution:m:f";
        foreach (long taskId in new long[] { 1, 42, 1234567890123 })
        {
            Assert.Equal(StableHash.Of(TaskWork.IdempotencyKey(arn, taskId)), TaskWork.IdempotencyHash(arn, taskId));
            Assert.Equal(StableHash.Of(TaskWork.IdempotencyKey(other, taskId)), TaskWork.IdempotencyHash(other, taskId));
            Assert.Equal(StableHash.Of(TaskWork.IdempotencyKey(other, taskId)), TaskWork.IdempotencyHash(other, taskId));
        }

        Assert.NotEqual(TaskWork.IdempotencyHash(arn, 1), TaskWork.IdempotencyHash(arn, 2));
        Assert.NotEqual(TaskWork.IdempotencyHash(arn, 1), TaskWork.IdempotencyHash(other, 1));
    }

    [Fact]
    public void A_UUID_drawn_from_a_seed_is_a_version_4_UUID_the_seed_alone_decides()
    {
        string uuid = RandomIds.NewUuid(7UL);

        Assert.Equal(uuid, RandomIds.NewUuid(7UL));
        Assert.NotEqual(uuid, RandomIds.NewUuid(8UL));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
    }

    /// <summary>Serves "slow" with a handler that never answers until cancelled; the task completes with its token once it runs.</summary>
    private static TaskCompletionSource<CancellationToken> RegisterSlow(DurableHarness harness)
    {
        var running = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Engine.RegisterLambda("slow", async (request, ct) =>
        {
            running.TrySetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return JsonValue.Null;
        });
        return running;
    }

    /// <summary>Cancellation reaches the handler's token as the stop's step completes; waits for it, with a guard.</summary>
    private static async Task WaitCancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = token.Register(() => cancelled.TrySetResult());
        await cancelled.Task.WaitAsync(s_guard);
    }
}
