namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// How a host runs a Map Run's child executions: in memory (EXPRESS children, and every child of an in-memory engine)
/// or as durable executions (STANDARD children of <c>stepwise serve</c>).
/// </summary>
internal interface IMapRunChildren
{
    /// <summary>
    /// Runs <paramref name="child"/> to its end. Cancelling <paramref name="cancellationToken"/> aborts it: the
    /// outcome is then ABORTED (the run stopped or failed); it never throws for the child's own failure.
    /// </summary>
    Task<MapRunChildOutcome> RunAsync(MapRunChild child, CancellationToken cancellationToken);
}
