namespace Stepwise.Runtime.Decisions;

/// <summary>A timer the snapshot waits on: which frame it wakes and why.</summary>
internal readonly record struct PendingTimer(int FrameId, TimerPurpose Purpose, DateTimeOffset DueTime);
