using Stepwise.Storage.MapRuns;

namespace Stepwise.Hosting.MapRuns;

/// <summary>A Map Run a durable engine runs in this process: its coordinator, its parent, and how to stop it.</summary>
internal sealed class HostedMapRun(MapRunCoordinator coordinator, string executionArn, string stateMachineArn) : IDisposable
{
    public MapRunCoordinator Coordinator { get; } = coordinator;

    public string ExecutionArn { get; } = executionArn;

    public string StateMachineArn { get; } = stateMachineArn;

    public CancellationTokenSource Stop { get; } = new();

    /// <summary>True once the parent no longer waits on the run (StopMapRunCommand): its work is done, not to resume.</summary>
    public bool Abandoned { get; set; }

    public MapRunRecord Describe() => Coordinator.Describe(ExecutionArn, StateMachineArn);

    public void Dispose() => Stop.Dispose();
}
