namespace Stepwise.Storage.Timers;

/// <summary>
/// Durable timers. They are started and cancelled by step commits (a fired timer is cancelled by the commit of the step
/// it caused); this port finds the due ones. A waiting execution costs a row here, not memory.
/// </summary>
public interface ITimerStore
{
    /// <summary>
    /// Leases up to <paramref name="maxTimers"/> timers due at <paramref name="now"/> and not under an unexpired lease,
    /// in due-time order (ties by execution ARN, then timer id), so that one node fires each. A leased timer is hidden
    /// until <paramref name="now"/> + <paramref name="leaseDuration"/>; if no commit cancels it by then, it is due again.
    /// </summary>
    ValueTask<IReadOnlyList<DurableTimer>> LeaseDueAsync(DateTimeOffset now, TimeSpan leaseDuration, int maxTimers,
        CancellationToken cancellationToken = default);

    /// <summary>The due time of the earliest timer (leased or not); null when there is none. For sleeping until then.</summary>
    ValueTask<DateTimeOffset?> GetNextDueTimeAsync(CancellationToken cancellationToken = default);

    /// <summary>The pending timers of one execution in due-time order.</summary>
    ValueTask<IReadOnlyList<DurableTimer>> ListAsync(string executionArn, CancellationToken cancellationToken = default);
}
