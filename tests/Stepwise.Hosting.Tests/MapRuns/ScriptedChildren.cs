using System.Collections.Concurrent;
using Stepwise.Hosting.MapRuns;
using Stepwise.Json;

namespace Stepwise.Hosting.Tests.MapRuns;

/// <summary>
/// Children whose end the test decides: <see cref="Answer"/> gives each child's outcome from its input, or null to
/// leave it running until <see cref="Release"/> (or the run aborts it). Counts how many ran at once.
/// </summary>
internal sealed class ScriptedChildren(Func<JsonValue, string?> answer) : IMapRunChildren
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<string>> _held = new();
    private int _running;
    private int _started;

    /// <summary>The most children that ran at once.</summary>
    public int MaxRunning { get; private set; }

    public int Started => Volatile.Read(ref _started);

    /// <summary>The status (SUCCEEDED, FAILED) of a child from its input; null holds it.</summary>
    public Func<JsonValue, string?> Answer { get; } = answer;

    public void Release(long index, string status) =>
        _held.GetOrAdd(index, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(status);

    public async Task<MapRunChildOutcome> RunAsync(MapRunChild child, CancellationToken cancellationToken)
    {
        int now = Interlocked.Increment(ref _running);
        Interlocked.Increment(ref _started);
        lock (_held)
        {
            MaxRunning = Math.Max(MaxRunning, now);
        }

        try
        {
            string? status = Answer(child.Input);
            if (status is null)
            {
                var held = _held.GetOrAdd(child.Index, static _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
                try
                {
                    status = await held.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return new MapRunChildOutcome("ABORTED", null, null, null, child.Info.StartTime, child.Info.StartTime);
                }
            }

            return status == "SUCCEEDED"
                ? new MapRunChildOutcome(status, child.Input, null, null, child.Info.StartTime, child.Info.StartTime)
                : new MapRunChildOutcome(status, null, "Boom", "it broke", child.Info.StartTime, child.Info.StartTime);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
