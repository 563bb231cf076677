using Stepwise.Runtime;

namespace Stepwise.Hosting;

/// <summary>Options of one <see cref="StepwiseEngine.RunAsync"/> call.</summary>
public sealed class RunOptions
{
    /// <summary>The state machine's name (in its ARN and <c>$$.StateMachine.Name</c>); default <c>StateMachine</c>.</summary>
    public string StateMachineName { get; set; } = "StateMachine";

    /// <summary>The execution's name; default a UUID drawn from the execution's random source.</summary>
    public string? ExecutionName { get; set; }

    /// <summary>Standard (the default) or Express.</summary>
    public StateMachineType Type { get; set; } = StateMachineType.Standard;

    /// <summary>The mock configuration test case to use (see <see cref="StepwiseEngineOptions.Mocks"/>).</summary>
    public string? MockTestCase { get; set; }

    /// <summary>Called as each history event is recorded, in order.</summary>
    public Action<HistoryEvent>? OnEvent { get; set; }

    /// <summary>
    /// Called when a <c>.waitForTaskToken</c> task starts waiting for its answer (after its <c>TaskSubmitted</c> event),
    /// on the execution's thread: answer it with the engine's <c>SendTask*</c> methods, from here or later.
    /// </summary>
    public Action<WaitingTask>? OnTaskWaiting { get; set; }
}
