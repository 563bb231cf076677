using Stepwise.Runtime;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The dispatcher slots a step may claim for the task work it enqueues, so that its commit leases that work to this
/// node (<see cref="WorkLeaseGrant"/>) and the dispatcher runs it at once: no second transaction (and fsync) to lease it,
/// no trip through the queue. The caller may already hold <paramref name="held"/> slots it hands over (a task that
/// finished hands its own slot to the next task); further slots are taken only if free, never waited for, so work the
/// dispatcher has no room for stays in the store as before. <paramref name="invokeInline"/> runs a task served in this
/// process while the step is decided (null when it cannot answer at once; see <see cref="DurableDispatcher"/>).
/// </summary>
internal sealed class WorkClaim(SemaphoreSlim slots, int held, string owner, TimeSpan leaseDuration, Func<TaskWork, Stimulus?>? invokeInline = null)
{
    private int _extra;

    /// <summary>Runs a task inline while its step is decided; its result, when it answered at once, is the next stimulus.</summary>
    public Func<TaskWork, Stimulus?>? InvokeInline => invokeInline;

    /// <summary>The slots the caller held before the step; the first leased items run in them.</summary>
    public int Held => held;

    /// <summary>Claims slots for up to <paramref name="wanted"/> items (a step redone after a conflict claims again).</summary>
    public WorkLeaseGrant? Reserve(int wanted, DateTimeOffset now)
    {
        while (held + _extra < wanted && slots.Wait(0))
        {
            _extra++;
        }

        int granted = Math.Min(wanted, held + _extra);
        return granted > 0 ? new WorkLeaseGrant(owner, now + leaseDuration, granted) : null;
    }

    /// <summary>After the commit: keeps a slot for each of the <paramref name="leased"/> items and gives the others back.</summary>
    public void Settle(int leased)
    {
        int unused = _extra - Math.Max(0, leased - held);
        if (unused > 0)
        {
            slots.Release(unused);
        }

        _extra = 0;
    }
}
