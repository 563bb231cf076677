using Stepwise.Definition.Model;
using Stepwise.Runtime.Decisions;

namespace Stepwise.Runtime;

/// <summary>The deterministic ASL interpreter (DESIGN.md §3).</summary>
public static class Interpreter
{
    /// <summary>
    /// Applies <paramref name="stimulus"/> to <paramref name="snapshot"/>: returns the next snapshot, the history events
    /// to append and the commands for the host. Pure: the given snapshot is not modified, and the only time and
    /// randomness used are <paramref name="now"/> and <paramref name="random"/> (the execution's seeded source), so
    /// replaying a history's stimuli reproduces its decisions.
    /// </summary>
    /// <param name="definition">The state machine.</param>
    /// <param name="snapshot">The current snapshot; null only with <see cref="ExecutionStartedStimulus"/>.</param>
    /// <param name="stimulus">What happened.</param>
    /// <param name="now">The time of the decision; every event recorded gets it.</param>
    /// <param name="random">The execution's seeded random source (jitter, task tokens, States.UUID).</param>
    /// <param name="missingActivities">
    /// Activity ARNs the definition names that do not exist (the host looks them up): a Task state scheduling one fails
    /// with <c>States.Runtime</c> before anything is scheduled, as on AWS. Null: every activity exists.
    /// </param>
    /// <exception cref="ArgumentException">When a stimulus other than ExecutionStarted comes without a snapshot.</exception>
    public static Decision Decide(StateMachine definition, ExecutionSnapshot? snapshot, Stimulus stimulus, DateTimeOffset now, Random random,
        IReadOnlySet<string>? missingActivities = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(stimulus);
        ArgumentNullException.ThrowIfNull(random);
        ExecutionSnapshot next;
        if (stimulus is ExecutionStartedStimulus started)
        {
            next = new ExecutionSnapshot(started.Info);
        }
        else
        {
            next = snapshot?.Clone() ?? throw new ArgumentException("Only ExecutionStarted may come without a snapshot.", nameof(snapshot));
        }

        var stepper = new Stepper(definition, next, now, random, missingActivities);
        stepper.Apply(stimulus);
        return new Decision(next, stepper.Events, stepper.Commands);
    }
}
