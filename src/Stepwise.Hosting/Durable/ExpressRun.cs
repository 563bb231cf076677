using Stepwise.Runtime;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// An Express execution ready to run in memory: its ARN is known before it runs, so <c>StartExecution</c> can answer
/// at once while it runs in the background, and <c>StartSyncExecution</c> awaits it.
/// </summary>
internal sealed class ExpressRun(ExecutionLoop loop, string executionArn, string stateMachineArn, DateTimeOffset startDate, TimeProvider time)
{
    public string ExecutionArn => executionArn;

    public DateTimeOffset StartDate => startDate;

    /// <summary>Runs to the end; still running after <see cref="DurableEngine.ExpressDurationLimit"/> it ends TIMED_OUT.</summary>
    public async Task<ExecutionResult> RunAsync(CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(DurableEngine.ExpressDurationLimit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await loop.RunAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ExecutionResult(executionArn, stateMachineArn, ExecutionStatus.TimedOut, null, null, null, [], startDate, time.GetUtcNow());
        }
    }
}
