using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Runtime.Tests.TestSupport;

/// <summary>
/// Drives <see cref="Interpreter.Decide"/> directly, the way a host would, but by hand: the test chooses each
/// stimulus and the clock. Records every stimulus so a run can be replayed.
/// </summary>
internal sealed class Driver
{
    private readonly StateMachine _machine;
    private readonly Random _random;

    public Driver(StateMachine machine, int seed = 7)
    {
        _machine = machine;
        _random = new Random(seed);
    }

    public ExecutionSnapshot? Snapshot { get; private set; }

    public DateTimeOffset Now { get; set; } = Asl.Start;

    public List<HistoryEvent> History { get; } = [];

    public List<ExecutionCommand> Commands { get; } = [];

    public List<(Stimulus Stimulus, DateTimeOffset Now)> Stimuli { get; } = [];

    public Decision Apply(Stimulus stimulus)
    {
        Stimuli.Add((stimulus, Now));
        var decision = Interpreter.Decide(_machine, Snapshot, stimulus, Now, _random);
        Snapshot = decision.Snapshot;
        History.AddRange(decision.Events);
        Commands.AddRange(decision.Commands);
        return decision;
    }

    public Decision Start(JsonValue input) => Apply(new ExecutionStartedStimulus(Asl.Info(input)));

    public InvokeTaskCommand LastInvoke() => Commands.OfType<InvokeTaskCommand>().Last();

    public StartTimerCommand LastTimer() => Commands.OfType<StartTimerCommand>().Last();

    /// <summary>Answers the most recent task invocation: started, then succeeded with <paramref name="output"/>.</summary>
    public void Succeed(JsonValue output)
    {
        var invoke = LastInvoke();
        Apply(new TaskStartedStimulus(invoke.TaskId));
        Apply(new TaskSucceededStimulus(invoke.TaskId, output));
    }

    /// <summary>Answers the most recent task invocation: started, then failed.</summary>
    public void Fail(string error, string? cause)
    {
        var invoke = LastInvoke();
        Apply(new TaskStartedStimulus(invoke.TaskId));
        Apply(new TaskFailedStimulus(invoke.TaskId, error, cause));
    }

    /// <summary>Moves the clock to the most recent timer and fires it.</summary>
    public void FireLastTimer()
    {
        var timer = LastTimer();
        Now = timer.DueTime;
        Apply(new TimerFiredStimulus(timer.TimerId));
    }
}
