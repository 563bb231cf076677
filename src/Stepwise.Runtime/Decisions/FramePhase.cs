namespace Stepwise.Runtime.Decisions;

/// <summary>What a frame is doing between two decisions.</summary>
internal enum FramePhase
{
    /// <summary>About to enter <see cref="Frame.StateName"/> (records its StateEntered event).</summary>
    Enter,

    /// <summary>Inside a decision, between two phases (never persisted as such).</summary>
    Executing,

    /// <summary>Waiting for a task (see <see cref="Frame.TaskId"/>).</summary>
    WaitingTask,

    /// <summary>A Wait state waiting for its timer.</summary>
    WaitingTimer,

    /// <summary>Waiting for the retry delay before re-running the current state.</summary>
    WaitingRetry,

    /// <summary>A Parallel or Map state waiting for its child frames.</summary>
    WaitingChildren,

    /// <summary>The frame completed (successfully or not); see <see cref="Frame.Failed"/>.</summary>
    Done,

    /// <summary>The frame was aborted because a sibling failed or the execution stopped.</summary>
    Aborted,
}
