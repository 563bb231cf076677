using Stepwise.Integrations;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Hosting;

/// <summary>Options of a <see cref="StepwiseEngine"/>.</summary>
public sealed class StepwiseEngineOptions
{
    /// <summary>The region used in ARNs and history events; default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id used in ARNs; default <c>123456789012</c>.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The clock; default <see cref="TimeProvider.System"/>. With <see cref="FastTime"/> it only gives the start time.</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>
    /// Run on a virtual clock that jumps to the next due timer whenever nothing else can run: waits, retries and
    /// timeouts take no real time, while event timestamps advance as if they did.
    /// </summary>
    public bool FastTime { get; set; }

    /// <summary>Seed of each execution's random source (jitter, task tokens, States.UUID, ids); null = unpredictable.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>A Step Functions Local mock configuration; select a test case with <see cref="RunOptions.MockTestCase"/>.</summary>
    public MockConfiguration? Mocks { get; set; }

    /// <summary>The execution role ARN recorded in ExecutionStarted and <c>$$.Execution.RoleArn</c>; default <c>arn:aws:iam::&lt;account&gt;:role/stepwise-execution</c>.</summary>
    public string? ExecutionRoleArn { get; set; }

    /// <summary>
    /// What Task states may reach beyond registered handlers: Lambda commands and endpoints, AWS service endpoints, the
    /// HTTP Task's hosts (<c>stepwise.json</c> and the environment; see <see cref="IntegrationsConfiguration.Load"/>).
    /// </summary>
    public IntegrationsConfiguration? Integrations { get; set; }
}
