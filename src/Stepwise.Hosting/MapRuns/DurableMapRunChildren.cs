using System.Collections.Concurrent;
using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// Map Run children on the durable engine: a STANDARD child is a stored execution with its own history
/// (<see cref="DurableEngine.StartMapRunChildAsync"/>), whose end the engine reports through
/// <see cref="IMapRunChildEvents"/>; an EXPRESS child runs in memory. A start delivered again after a crash finds the
/// STANDARD child it started before (children are named from the run and their index) and, if it ended, its outcome.
/// </summary>
internal sealed class DurableMapRunChildren(DurableEngine engine, IMapRunChildren express, TimeProvider time) : IMapRunChildren, IMapRunChildEvents
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ExecutionRecord>> _waiting = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task<MapRunChildOutcome> RunAsync(MapRunChild child, CancellationToken cancellationToken)
    {
        if (child.IsExpress)
        {
            return await express.RunAsync(child, cancellationToken).ConfigureAwait(false);
        }

        string key = Key(child.MapRunArn, child.Index);
        var ended = new TaskCompletionSource<ExecutionRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[key] = ended;
        try
        {
            var command = child.Command;
            var record = await engine.StartMapRunChildAsync(new MapRunChildStart(child.MapRunArn, child.Index, child.Info.ExecutionName, child.Input, command.ChildDefinition.ToJsonString()), cancellationToken).ConfigureAwait(false);
            if (IsRedrivable(record, command.RedriveCount))
            {
                // The parent's redrive of the run redrives the child's own execution (same ARN, its RedriveCount + 1),
                // as AWS redrives a run's unsuccessful STANDARD children ("Redriving Map Runs").
                record = await engine.RedriveExecutionAsync(record.ExecutionArn, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (!string.Equals(record.Status, ExecutionStatuses.Running, StringComparison.Ordinal))
            {
                return Outcome(record);
            }

            try
            {
                return Outcome(await ended.Task.WaitAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !engine.ShuttingDown)
            {
                // The run stopped or failed: the child is aborted with it (on a shutdown it goes on, and the run resumes).
                var stopped = await engine.StopExecutionAsync(record.ExecutionArn, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                return Outcome(stopped) with { Status = "ABORTED" };
            }
        }
        finally
        {
            _waiting.TryRemove(key, out _);
        }
    }

    /// <inheritdoc/>
    public ValueTask OnChildEndedAsync(string mapRunArn, long index, ExecutionRecord child, CancellationToken cancellationToken)
    {
        if (_waiting.TryGetValue(Key(mapRunArn, index), out var waiting))
        {
            waiting.TrySetResult(child);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Whether <paramref name="child"/>, found ended when its run's attempt <paramref name="runRedriveCount"/> started
    /// it, did not succeed and was not yet redriven by this attempt (a resume after a crash finds it redriven already).
    /// </summary>
    private static bool IsRedrivable(ExecutionRecord child, int runRedriveCount) =>
        runRedriveCount > 0
        && child.Status is ExecutionStatuses.Failed or ExecutionStatuses.Aborted or ExecutionStatuses.TimedOut
        && child.RedriveCount < runRedriveCount;

    private static string Key(string mapRunArn, long index) => mapRunArn + "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private MapRunChildOutcome Outcome(ExecutionRecord child) =>
        new(child.Status, child.Output is { } output ? JsonValue.Parse(output) : null, child.Error, child.Cause, child.StartDate,
            child.StopDate ?? time.GetUtcNow());
}
