using System.Collections.Immutable;
using Stepwise.Json;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// One thread of execution: the root, a Parallel branch or a Map iteration. It knows its current state, that
/// state's raw input, the retry counters and what it waits on; nothing lives on a call stack between decisions.
/// </summary>
internal sealed class Frame
{
    public required int Id { get; init; }

    /// <summary>The frame that runs the Parallel/Map state owning this frame; 0 for the root.</summary>
    public int ParentId { get; init; }

    public FrameKind Kind { get; init; }

    /// <summary>Index of the graph this frame runs in <c>StateMachine.Graphs</c>.</summary>
    public int GraphIndex { get; init; }

    /// <summary>Branch index (Parallel) or item index (Map).</summary>
    public int Index { get; init; }

    public required string StateName { get; set; }

    public FramePhase Phase { get; set; }

    /// <summary>The current state's raw input (before InputPath), as recorded in its StateEntered event.</summary>
    public required JsonValue StateInput { get; set; }

    /// <summary>The current state's input after InputPath (and, for Wait, what OutputPath reads).</summary>
    public JsonValue? EffectiveInput { get; set; }

    public DateTimeOffset EnteredTime { get; set; }

    public long EnteredEventId { get; set; }

    /// <summary>The previousEventId of the current state's StateEntered: AWS chains EvaluationFailed to it.</summary>
    public long EnteredPreviousEventId { get; set; }

    /// <summary><c>$$.State.RetryCount</c>: retries of the current state so far.</summary>
    public int RetryCount { get; set; }

    /// <summary>Retries used per retrier of the current state.</summary>
    public int[] RetrierAttempts { get; set; } = [];

    /// <summary>The id of the last event recorded in this frame's chain: the next event's previousEventId.</summary>
    public long LastEventId { get; set; }

    public long TaskId { get; set; }

    public long TimerId { get; set; }

    public long HeartbeatTimerId { get; set; }

    public long HeartbeatSeconds { get; set; }

    public string? TaskToken { get; set; }

    public FanOut? FanOut { get; set; }

    public bool Failed { get; set; }

    public JsonValue? Output { get; set; }

    public string? Error { get; set; }

    public string? Cause { get; set; }

    /// <summary>
    /// After the frame's Map or Parallel state failed because a child failed: the results of the children that
    /// succeeded (null slots for the others), which a redrive of the state keeps instead of running them again.
    /// Never changed in place: snapshots share it.
    /// </summary>
    public JsonValue?[]? RedriveResults { get; set; }

    /// <summary>
    /// The Map Run the frame's distributed Map state started last (kept after it failed or was aborted), so a redrive
    /// of the state runs that same run again instead of a new one; null for none.
    /// </summary>
    public string? LastMapRunArn { get; set; }

    /// <summary>How many times <see cref="LastMapRunArn"/> was redriven.</summary>
    public int LastMapRunRedriveCount { get; set; }

    /// <summary>True when a redrive revived the frame's distributed Map state: its next start redrives <see cref="LastMapRunArn"/>.</summary>
    public bool RedriveMapRun { get; set; }

    /// <summary>The variables this frame's states read; replaced (never mutated) when a state assigns.</summary>
    public VariableScope Variables { get; set; } = VariableScope.Empty;

    /// <summary>
    /// The decision that created or copied this frame and alone may change it (an object of the Stepper's); a copy
    /// starts unowned, as does a frame read from storage.
    /// </summary>
    public object? Owner { get; set; }

    public Frame Clone() => new()
    {
        Id = Id,
        ParentId = ParentId,
        Kind = Kind,
        GraphIndex = GraphIndex,
        Index = Index,
        StateName = StateName,
        Phase = Phase,
        StateInput = StateInput,
        EffectiveInput = EffectiveInput,
        EnteredTime = EnteredTime,
        EnteredEventId = EnteredEventId,
        EnteredPreviousEventId = EnteredPreviousEventId,
        RetryCount = RetryCount,
        RetrierAttempts = (int[])RetrierAttempts.Clone(),
        LastEventId = LastEventId,
        TaskId = TaskId,
        TimerId = TimerId,
        HeartbeatTimerId = HeartbeatTimerId,
        HeartbeatSeconds = HeartbeatSeconds,
        TaskToken = TaskToken,
        FanOut = FanOut?.Clone(),
        Failed = Failed,
        Output = Output,
        Error = Error,
        Cause = Cause,
        Variables = Variables,
        RedriveResults = RedriveResults,
        LastMapRunArn = LastMapRunArn,
        LastMapRunRedriveCount = LastMapRunRedriveCount,
        RedriveMapRun = RedriveMapRun,
    };
}
