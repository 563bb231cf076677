using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Time;
using Stepwise.Integrations;
using Stepwise.JsonPath;

namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// Runs Map Run children as in-memory executions (<see cref="ExecutionLoop"/>), served by the parent's task dispatcher:
/// every child of <c>stepwise run</c> and the embedded engine, and EXPRESS children everywhere. A child's history lives
/// as long as the child.
/// </summary>
internal sealed class InMemoryMapRunChildren(TaskDispatcher dispatcher, StepwiseEngineOptions options, TimeProvider time, bool fastTime,
    TaskTokenRoutes routes, string? mockTestCase) : IMapRunChildren
{
    /// <inheritdoc/>
    public async Task<MapRunChildOutcome> RunAsync(MapRunChild child, CancellationToken cancellationToken)
    {
        var run = new RunOptions
        {
            StateMachineName = child.Info.StateMachineName,
            ExecutionName = child.Info.ExecutionName,
            Type = child.IsExpress ? StateMachineType.Express : StateMachineType.Standard,
            MockTestCase = mockTestCase,
        };
        var clock = fastTime ? new VirtualClock(child.Info.StartTime) : null;
        var random = new Random(StableHash.ToSeed(StableHash.Of(child.Info.ExecutionArn)));
        var loop = new ExecutionLoop(child.Definition, dispatcher, child.Info, run, options, time, clock, random, routes);
        try
        {
            var result = await loop.RunAsync(cancellationToken).ConfigureAwait(false);
            return new MapRunChildOutcome(result.Status.ToAwsString(), result.Output,
                result.Error ?? (result.Status == ExecutionStatus.TimedOut ? StatesErrors.Timeout : null), result.Cause,
                result.StartDate, result.StopDate);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            return new MapRunChildOutcome("ABORTED", null, null, null, child.Info.StartTime, now);
        }
    }
}
