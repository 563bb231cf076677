using Stepwise.Json;

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

    /// <summary>The execution's identity and input.</summary>
    public ExecutionInfo Info { get; }

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

    internal Dictionary<int, Frame> Frames { get; private init; } = [];

    internal Dictionary<long, PendingTimer> Timers { get; private init; } = [];

    internal Dictionary<long, PendingTask> Tasks { get; private init; } = [];

    internal int NextFrameId { get; set; } = 1;

    internal long NextTimerId { get; set; } = 1;

    internal long NextTaskId { get; set; } = 1;

    internal long ExecutionTimerId { get; set; }

    internal ExecutionSnapshot Clone()
    {
        var frames = new Dictionary<int, Frame>(Frames.Count);
        foreach (var (id, frame) in Frames)
        {
            frames[id] = frame.Clone();
        }

        return new ExecutionSnapshot(Info)
        {
            Outcome = Outcome,
            Output = Output,
            Error = Error,
            Cause = Cause,
            NextEventId = NextEventId,
            Frames = frames,
            Timers = new Dictionary<long, PendingTimer>(Timers),
            Tasks = new Dictionary<long, PendingTask>(Tasks),
            NextFrameId = NextFrameId,
            NextTimerId = NextTimerId,
            NextTaskId = NextTaskId,
            ExecutionTimerId = ExecutionTimerId,
        };
    }
}
