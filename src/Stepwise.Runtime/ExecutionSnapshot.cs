using System.Collections.Immutable;
using Stepwise.Json;
using Stepwise.Runtime.Decisions;

namespace Stepwise.Runtime;

/// <summary>
/// The state of one execution between two decisions: a tree of frames plus the timers and tasks it waits on.
/// Decide never mutates the snapshot it is given; it returns a new one.
/// </summary>
public sealed class ExecutionSnapshot
{
    internal ExecutionSnapshot(ExecutionInfo info)
    {
        Info = info;
    }

    /// <summary>The execution's identity and input (a redrive raises its <see cref="ExecutionInfo.RedriveCount"/>).</summary>
    public ExecutionInfo Info { get; internal set; }

    /// <summary>How the execution ended; null while it runs.</summary>
    public ExecutionOutcome? Outcome { get; internal set; }

    /// <summary>The execution's output once it succeeded.</summary>
    public JsonValue? Output { get; internal set; }

    /// <summary>The error once it failed, timed out or was aborted.</summary>
    public string? Error { get; internal set; }

    /// <summary>The cause once it failed, timed out or was aborted.</summary>
    public string? Cause { get; internal set; }

    /// <summary>The id the next history event gets.</summary>
    public long NextEventId { get; internal set; } = 1;

    /// <summary>True once the execution has finished.</summary>
    public bool IsFinished => Outcome is not null;

    /// <summary>
    /// True while the task <paramref name="taskId"/> (an <see cref="InvokeTaskCommand.TaskId"/>) still waits for its
    /// outcome; false once it succeeded, failed, timed out or was abandoned (its state was left).
    /// </summary>
    public bool IsTaskPending(long taskId) => Tasks.ContainsKey(taskId);

    /// <summary>The <c>Resource</c> of the pending task <paramref name="taskId"/>; null once it no longer waits.</summary>
    public string? PendingTaskResource(long taskId) => Tasks.TryGetValue(taskId, out var task) ? task.Resource.Arn : null;

    internal ImmutableDictionary<int, Frame> Frames { get; set; } = ImmutableDictionary<int, Frame>.Empty;

    internal ImmutableDictionary<long, PendingTimer> Timers { get; set; } = ImmutableDictionary<long, PendingTimer>.Empty;

    internal ImmutableDictionary<long, PendingTask> Tasks { get; set; } = ImmutableDictionary<long, PendingTask>.Empty;

    internal int NextFrameId { get; set; } = 1;

    internal long NextTimerId { get; set; } = 1;

    internal long NextTaskId { get; set; } = 1;

    internal long ExecutionTimerId { get; set; }

    /// <summary>
    /// The context object's <c>Execution</c> and <c>StateMachine</c> members, built on first use: they depend only on
    /// <see cref="Info"/>, and every Task state builds a context, so rebuilding them (and formatting the start time)
    /// per task was waste. Not persisted; a restored snapshot rebuilds them.
    /// </summary>
    internal (JsonObject Execution, JsonObject StateMachine)? ContextParts { get; set; }

    internal ExecutionSnapshot Clone()
    {
        // The collections are immutable and frames are shared until a decision touches them (Stepper copies a frame
        // on first access), so a decision costs what it changes, not the size of the whole execution.
        return new ExecutionSnapshot(Info)
        {
            Outcome = Outcome,
            Output = Output,
            Error = Error,
            Cause = Cause,
            NextEventId = NextEventId,
            Frames = Frames,
            Timers = Timers,
            Tasks = Tasks,
            NextFrameId = NextFrameId,
            NextTimerId = NextTimerId,
            NextTaskId = NextTaskId,
            ExecutionTimerId = ExecutionTimerId,
            ContextParts = ContextParts,
        };
    }
}
