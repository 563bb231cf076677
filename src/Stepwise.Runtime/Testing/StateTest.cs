using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.Runtime.Decisions;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Testing;

/// <summary>
/// One TestState run: a single state's data flow through the interpreter's own code paths, stopped once the state has
/// an outcome. Pure like <see cref="Interpreter.Decide"/>: the host answers <see cref="PendingTask"/> (with a mock or
/// a real handler) through <see cref="TaskSucceeded"/> or <see cref="TaskFailed"/> until <see cref="Result"/> is set.
/// </summary>
public sealed class StateTest
{
    /// <summary>The name AWS gives the tested state (it shows in <c>$$.State.Name</c>), whatever it is called in a whole definition.</summary>
    public const string TestedStateName = "StateName";

    private const int RootFrameId = 1;

    private readonly StateMachine _machine;
    private readonly ExecutionSnapshot _snapshot;
    private readonly StateInspector _inspector;
    private readonly Random _random;

    private StateTest(StateMachine machine, ExecutionSnapshot snapshot, StateInspector inspector, Random random)
    {
        _machine = machine;
        _snapshot = snapshot;
        _inspector = inspector;
        _random = random;
    }

    /// <summary>
    /// AWS's TestState refuses a Map or Parallel state unless a mock stands in for its iterations or branches, with
    /// an InvalidDefinition error worded so.
    /// </summary>
    public const string MapOrParallelNeedsMock =
        "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]";

    /// <summary>True for a state TestState runs only with a mock: a Map or Parallel state.</summary>
    public static bool NeedsMock(JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state["Type"] is JsonString { Value: "Map" or "Parallel" };
    }

    /// <summary>The task the state waits for; the host answers it with <see cref="TaskSucceeded"/> or <see cref="TaskFailed"/>.</summary>
    public InvokeTaskCommand? PendingTask { get; private set; }

    /// <summary>The outcome, once the state has one.</summary>
    public StateTestResult? Result { get; private set; }

    /// <summary>
    /// The state to test as a one-state machine (the state named <see cref="TestedStateName"/>, keeping the
    /// definition's QueryLanguage): <paramref name="definition"/> itself when it is a state, else the state named
    /// <paramref name="stateName"/> anywhere in the machine (branches and item processors included). False when
    /// there is no such state.
    /// </summary>
    public static bool TryIsolate(JsonObject definition, string? stateName, out JsonObject machine)
    {
        ArgumentNullException.ThrowIfNull(definition);
        machine = JsonObject.Empty;
        JsonObject? state = stateName is null ? definition : Find(definition, stateName);
        if (state is null)
        {
            return false;
        }

        var builder = new JsonObjectBuilder(3);
        if (stateName is not null && definition["QueryLanguage"] is JsonValue language)
        {
            builder.Set("QueryLanguage", language);
        }

        machine = builder
            .Set("StartAt", TestedStateName)
            .Set("States", JsonObject.Create((TestedStateName, (JsonValue)state)))
            .ToObject();
        return true;
    }

    /// <summary>Starts testing the start state of <paramref name="machine"/> (see <see cref="TryIsolate"/>).</summary>
    /// <param name="machine">A one-state machine.</param>
    /// <param name="options">The input, context, variables and mocks.</param>
    /// <param name="now">The time of the run (the context object's times).</param>
    /// <param name="random">The run's random source (generated names, task tokens, jitter).</param>
    public static StateTest Start(StateMachine machine, StateTestOptions options, DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        string stateMachineName = NewName(random);
        string executionName = NewName(random);
        string prefix = $"arn:aws:states:{options.Region}:{options.Account}:";
        var info = new ExecutionInfo(prefix + "express:" + stateMachineName + ":" + executionName, executionName,
            prefix + "stateMachine:" + stateMachineName, stateMachineName, options.RoleArn ?? string.Empty, options.Region, now,
            options.Input, RedriveCount: null);
        var snapshot = new ExecutionSnapshot(info);
        var parts = Stepper.BuildContextParts(info);
        // Without a role the default context shows "RoleArn": null (the corpus's test_state_with_variables cases).
        snapshot.ContextParts = options.RoleArn is null ? (parts.Execution.With("RoleArn", JsonValue.Null), parts.StateMachine) : parts;
        var variables = options.Variables is { Count: > 0 } given ? VariableScope.Empty.With(given) : VariableScope.Empty;
        var inspector = new StateInspector(options, variables);
        inspector.Data.Input = options.Input;
        var test = new StateTest(machine, snapshot, inspector, random);
        test.Apply(new ExecutionStartedStimulus(info), now);
        return test;
    }

    /// <summary>The pending task returned <paramref name="output"/>.</summary>
    /// <exception cref="InvalidOperationException">No task is pending.</exception>
    public void TaskSucceeded(JsonValue output, DateTimeOffset now) =>
        Apply(new TaskSucceededStimulus(TakePendingTask(), output), now);

    /// <summary>The pending task failed with <paramref name="error"/>.</summary>
    /// <exception cref="InvalidOperationException">No task is pending.</exception>
    public void TaskFailed(string error, string? cause, DateTimeOffset now) =>
        Apply(new TaskFailedStimulus(TakePendingTask(), error, cause), now);

    private long TakePendingTask()
    {
        var task = PendingTask ?? throw new InvalidOperationException("The tested state waits for no task.");
        PendingTask = null;
        return task.TaskId;
    }

    private void Apply(Stimulus stimulus, DateTimeOffset now)
    {
        for (Stimulus? next = stimulus; next is not null;)
        {
            var stepper = new Stepper(_machine, _snapshot, now, _random) { Inspector = _inspector };
            stepper.Apply(next);
            if (_inspector.Finished || _snapshot.IsFinished)
            {
                Result = Finish();
                return;
            }

            next = FollowUp(stepper.Commands);
        }
    }

    /// <summary>
    /// What carries the run on: a mock's answer to the task, or the Wait state's timer firing at once (TestState does
    /// not wait); null when the host must answer <see cref="PendingTask"/>.
    /// </summary>
    private Stimulus? FollowUp(List<ExecutionCommand> commands)
    {
        long waitTimer = 0;
        foreach (var command in commands)
        {
            if (command is InvokeTaskCommand invoke)
            {
                if (_inspector.Options.Mock is not { } mock)
                {
                    PendingTask = invoke;
                    return null;
                }

                return mock.Result is { } result
                    ? new TaskSucceededStimulus(invoke.TaskId, result)
                    : new TaskFailedStimulus(invoke.TaskId, mock.Error ?? string.Empty, mock.Cause);
            }

            if (command is StartTimerCommand timer && waitTimer == 0)
            {
                waitTimer = timer.TimerId;
            }
        }

        return waitTimer != 0
            ? new TimerFiredStimulus(waitTimer)
            : throw new InvalidOperationException("The tested state neither finished nor waits for a task or a timer.");
    }

    private StateTestResult Finish()
    {
        var inspector = _inspector;
        var data = inspector.Data;
        // The root frame, the first one the run created, holds the tested state's variables.
        if (_snapshot.Frames.TryGetValue(RootFrameId, out var root) && (inspector.Variables.OwnCount > 0 || root.Variables.OwnCount > 0))
        {
            data.Variables = Visible(root.Variables);
        }

        if (inspector.Retrying)
        {
            return new StateTestResult(StateTestStatus.Retriable, null, inspector.Error, inspector.Cause, null, data);
        }

        if (inspector.Caught)
        {
            return new StateTestResult(StateTestStatus.CaughtError, inspector.Output, inspector.Error, inspector.Cause, inspector.NextState, data);
        }

        if (inspector.Output is not null)
        {
            return new StateTestResult(StateTestStatus.Succeeded, inspector.Output, null, null, inspector.NextState, data);
        }

        return new StateTestResult(StateTestStatus.Failed, null, _snapshot.Error, _snapshot.Cause, null, data);
    }

    private static JsonObject Visible(VariableScope scope)
    {
        var builder = new JsonObjectBuilder(scope.OwnCount);
        scope.VisitVisible(builder, static (b, name, value) => b.Set(name, value));
        return builder.ToObject();
    }

    private static JsonObject? Find(JsonObject graph, string name)
    {
        if (graph["States"] is not JsonObject states)
        {
            return null;
        }

        foreach (var (stateName, value) in states)
        {
            if (value is not JsonObject state)
            {
                continue;
            }

            if (stateName == name)
            {
                return state;
            }

            var nested = (state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor ? Find(processor, name) : null;
            if (nested is null && state["Branches"] is JsonArray branches)
            {
                foreach (var branch in branches)
                {
                    nested ??= branch is JsonObject b ? Find(b, name) : null;
                }
            }

            if (nested is not null)
            {
                return nested;
            }
        }

        return null;
    }

    private static string NewName(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
