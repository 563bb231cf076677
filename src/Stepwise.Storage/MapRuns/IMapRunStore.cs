using Stepwise.Storage.Paging;

namespace Stepwise.Storage.MapRuns;

/// <summary>
/// Map Runs of distributed Map states and the results of their children. The store checks keys only: statuses,
/// counts and progress are the coordinator's to keep consistent.
/// </summary>
public interface IMapRunStore
{
    /// <summary>Stores a new Map Run.</summary>
    /// <exception cref="ResourceAlreadyExistsException">The Map Run ARN is taken (<see cref="ResourceKinds.MapRun"/>).</exception>
    ValueTask CreateAsync(MapRunRecord run, CancellationToken cancellationToken = default);

    /// <summary>The Map Run; null if it does not exist.</summary>
    ValueTask<MapRunRecord?> GetAsync(string mapRunArn, CancellationToken cancellationToken = default);

    /// <summary>The Map Runs an execution started, oldest first (as <c>ListMapRuns</c> orders them).</summary>
    /// <exception cref="Paging.InvalidPageTokenException">The page token was not written by this listing.</exception>
    ValueTask<Page<MapRunRecord>> ListAsync(string executionArn, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// In one transaction, replaces the stored run with <paramref name="run"/> (same ARN) and stores
    /// <paramref name="results"/>, each replacing any result of the same run with the same index. Meant to be called
    /// once per finished child or batch of children, not per item.
    /// </summary>
    /// <exception cref="ResourceNotFoundException">The Map Run does not exist (<see cref="ResourceKinds.MapRun"/>).</exception>
    ValueTask UpdateAsync(MapRunRecord run, IReadOnlyList<MapRunChildResult> results, CancellationToken cancellationToken = default);

    /// <summary>
    /// The run's child results in ascending index order, streamed: providers read them in bounded chunks, so a run of
    /// millions of children is never held in memory whole. Empty when the run has none or does not exist. Not a
    /// snapshot: a result upserted while the stream runs may or may not be seen (the in-memory provider never sees it,
    /// SQLite sees it once the stream reaches its index), so read a run's results once its children are done.
    /// </summary>
    IAsyncEnumerable<MapRunChildResult> ReadResultsAsync(string mapRunArn, CancellationToken cancellationToken = default);
}
