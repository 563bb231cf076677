namespace Stepwise.Runtime.Decisions;

/// <summary>A task invocation the snapshot waits on.</summary>
internal readonly record struct PendingTask(int FrameId, TaskResource Resource, bool Started);
