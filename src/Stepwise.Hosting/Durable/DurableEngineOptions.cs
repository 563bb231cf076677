using Stepwise.Integrations;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Hosting.Durable;

/// <summary>Options of a <see cref="DurableEngine"/>.</summary>
public sealed class DurableEngineOptions
{
    /// <summary>The region used in ARNs and history events; default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id used in ARNs; default <c>123456789012</c>.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The clock; default <see cref="TimeProvider.System"/>. Timers fire and leases expire by it.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>
    /// How many steps and task invocations run at once (default: twice the processor count). When all slots are busy
    /// the dispatcher leases nothing more: queued work waits in the store, not in memory.
    /// </summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// How long a leased work item or timer stays hidden from other leases (default 30 s). After a crash, work the dead
    /// process held is done again once its lease expires; a long task keeps its lease renewed meanwhile.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest the dispatcher sleeps before looking at the store again (default 1 s). It wakes earlier for its own
    /// commits and for the next due timer; the poll only matters for work another process adds.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a graceful shutdown waits for running steps and tasks before cancelling them (default 10 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>This node's name as a lease owner; default the machine name and process id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Seed of each execution's random source; null = drawn once per execution (and stored with it).</summary>
    public int? RandomSeed { get; set; }

    /// <summary>A Step Functions Local mock configuration, for executions started with a mock test case.</summary>
    public MockConfiguration? Mocks { get; set; }

    /// <summary>
    /// What Task states may reach beyond registered handlers: Lambda commands and endpoints, AWS service endpoints, the
    /// HTTP Task's hosts (<c>stepwise.json</c> and the environment; see <see cref="IntegrationsConfiguration.Load"/>).
    /// </summary>
    public IntegrationsConfiguration? Integrations { get; set; }
}
