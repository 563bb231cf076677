using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// Hears that a STANDARD child execution of a Map Run ended (succeeded, failed, timed out or was aborted). Delivery is
/// at-least-once: after a crash between the child's last commit and the end of the call, the same end is heard again,
/// so an implementation must treat a repeat as a no-op.
/// </summary>
internal interface IMapRunChildEvents
{
    /// <summary>
    /// The child at <paramref name="index"/> of <paramref name="mapRunArn"/> ended as <paramref name="child"/> records.
    /// Throwing gives the notification back to be delivered again later.
    /// </summary>
    ValueTask OnChildEndedAsync(string mapRunArn, long index, ExecutionRecord child, CancellationToken cancellationToken);
}
