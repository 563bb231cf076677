using Stepwise.Storage.Work;

namespace Stepwise.Storage.Executions;

/// <summary>What a committed step reports back: the new last event id and the work it leased to the committer.</summary>
/// <param name="LastEventId">The execution's last event id after the commit.</param>
/// <param name="LeasedWork">
/// The enqueued items leased under <see cref="StepCommit.LeaseWork"/>, in enqueue order (empty without a grant, and
/// without the items whose idempotency key was still pending, which were not enqueued).
/// </param>
public sealed record StepCommitResult(long LastEventId, IReadOnlyList<LeasedWorkItem> LeasedWork);
