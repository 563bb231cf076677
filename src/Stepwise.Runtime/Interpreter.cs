using Stepwise.Definition.Model;
using Stepwise.Runtime.Decisions;

namespace Stepwise.Runtime;

/// <summary>The deterministic ASL interpreter (DESIGN.md §3).</summary>
public static class Interpreter
{
    /// <summary>AWS's payload limit: 256 KiB of UTF-8 (execution input, state and task outputs).</summary>
    public const int DefaultMaxPayloadBytes = 256 * 1024;

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
    /// <param name="maxPayloadBytes">
    /// The payload limit, in UTF-8 bytes, past which an input or output fails with <c>States.DataLimitExceeded</c>:
    /// AWS's <see cref="DefaultMaxPayloadBytes"/> unless the operator raised it (a deliberate departure for local use).
    /// </param>
    /// <param name="missingActivities">
    /// Activity ARNs the definition names that do not exist (the host looks them up): a Task state scheduling one fails
    /// with <c>States.Runtime</c> before anything is scheduled, as on AWS. Null: every activity exists.
    /// </param>
    /// <exception cref="ArgumentException">When a stimulus other than ExecutionStarted comes without a snapshot.</exception>
    public static Decision Decide(StateMachine definition, ExecutionSnapshot? snapshot, Stimulus stimulus, DateTimeOffset now, Random random,
        int maxPayloadBytes = DefaultMaxPayloadBytes, IReadOnlySet<string>? missingActivities = null)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        var sequence = DecisionSequence.Start(definition, snapshot, now, random, maxPayloadBytes, missingActivities);
        sequence.Apply(stimulus);
        return new Decision(sequence.Snapshot!, sequence.Events, sequence.Commands);
    }

    /// <summary>
    /// Applies <paramref name="stimuli"/> in order as one decision: the events and commands are those of deciding them
    /// one after the other, concatenated, at the same <paramref name="now"/>. A host that has several stimuli at hand
    /// (a task's TaskStarted and its synchronous result) saves a snapshot copy per stimulus. The host runs the commands
    /// after the whole batch, so only stimuli that do not depend on an earlier one's commands may go together (a host
    /// whose next stimuli come from the commands before them uses a <see cref="DecisionSequence"/>).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="stimuli"/> is empty or holds an ExecutionStarted.</exception>
    /// <inheritdoc cref="Decide(StateMachine, ExecutionSnapshot?, Stimulus, DateTimeOffset, Random, int, IReadOnlySet{string}?)"/>
    public static Decision DecideBatch(StateMachine definition, ExecutionSnapshot snapshot, IReadOnlyList<Stimulus> stimuli, DateTimeOffset now, Random random,
        int maxPayloadBytes = DefaultMaxPayloadBytes, IReadOnlySet<string>? missingActivities = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stimuli);
        if (stimuli.Count == 0)
        {
            throw new ArgumentException("A decision needs at least one stimulus.", nameof(stimuli));
        }

        var sequence = DecisionSequence.Start(definition, snapshot, now, random, maxPayloadBytes, missingActivities);
        for (int i = 0; i < stimuli.Count; i++)
        {
            if (stimuli[i] is ExecutionStartedStimulus)
            {
                throw new ArgumentException("ExecutionStarted starts a decision of its own.", nameof(stimuli));
            }

            sequence.Apply(stimuli[i]);
        }

        return new Decision(sequence.Snapshot!, sequence.Events, sequence.Commands);
    }
}
