using Stepwise.Definition.Model;
using Stepwise.Integrations;
using Stepwise.JsonPath;
using Stepwise.Runtime.Testing;

namespace Stepwise.Hosting.Durable;

public sealed partial class DurableEngine
{
    /// <summary>
    /// Tests one state (TestState): runs the start state of <paramref name="machine"/> (see
    /// <see cref="StateTest.TryIsolate"/>) once, with <paramref name="options"/>' mock or, without one, the task
    /// handlers registered with this engine; nothing is stored. The engine's region and account name the generated
    /// ARNs. Like AWS, a state that runs longer than five minutes fails with States.Timeout.
    /// </summary>
    public async Task<StateTestResult> TestStateAsync(StateMachine machine, StateTestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(options);
        var random = _options.RandomSeed is int seed ? new Random(seed) : new Random();
        var test = StateTest.Start(machine, options with { Region = _options.Region, Account = _options.AccountId },
            TruncateToMilliseconds(_time.GetUtcNow()), random);
        using var limit = new CancellationTokenSource(ExpressDurationLimit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        while (test.PendingTask is { } task)
        {
            var now = _time.GetUtcNow();
            var invocation = new TaskInvocation(task.Resource, task.Input, task.TaskToken, task.Context, StateTest.TestedStateName,
                task.StateName, MockTestCase: null, MockAttempt: 0, _options.Region, _options.AccountId, RandomIds.NewUuid(random), now);
            TaskOutcome outcome;
            try
            {
                outcome = await _tasks.InvokeAsync(invocation, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                outcome = TaskOutcome.Failure(StatesErrors.Timeout, null);
            }

            if (outcome.IsFailure)
            {
                test.TaskFailed(outcome.Error!, outcome.Cause, now);
            }
            else
            {
                test.TaskSucceeded(outcome.Output!, now);
            }
        }

        return test.Result!;
    }
}
