using Stepwise.Definition.Model;
using Stepwise.Runtime.Decisions;

namespace Stepwise.Runtime;

/// <summary>
/// Decisions applied one after the other to one execution, for a host that decides a stimulus, then the stimuli its
/// commands lead to (a task's TaskStarted, an answer that came back at once), and keeps none of the snapshots in
/// between. Each <see cref="Apply"/> records exactly what <see cref="Interpreter.Decide"/> would on the snapshot the
/// previous one left, but a frame is copied once per sequence instead of once per decision, and the snapshot, event and
/// command lists live as long as the sequence. The snapshot the sequence starts from is never changed.
/// </summary>
public sealed class DecisionSequence
{
    private readonly StateMachine _definition;
    private readonly ExecutionSnapshot? _start;
    private readonly DateTimeOffset _now;
    private readonly Random _random;
    private readonly int _maxPayloadBytes;
    private readonly IReadOnlySet<string>? _missingActivities;
    private Stepper? _stepper;
    private ExecutionSnapshot? _snapshot;

    private DecisionSequence(StateMachine definition, ExecutionSnapshot? start, DateTimeOffset now, Random random, int maxPayloadBytes,
        IReadOnlySet<string>? missingActivities)
    {
        _definition = definition;
        _start = start;
        _now = now;
        _random = random;
        _maxPayloadBytes = maxPayloadBytes;
        _missingActivities = missingActivities;
    }

    /// <summary>
    /// Starts a sequence on <paramref name="snapshot"/> (null when the first stimulus is ExecutionStarted). Every decision
    /// happens at <paramref name="now"/> and draws from <paramref name="random"/> as it is when <see cref="Apply"/> runs:
    /// a host that derives each decision's randomness (from the execution's seed and event count) reseeds it in between.
    /// </summary>
    /// <inheritdoc cref="Interpreter.Decide(StateMachine, ExecutionSnapshot?, Stimulus, DateTimeOffset, Random, int, IReadOnlySet{string}?)"/>
    public static DecisionSequence Start(StateMachine definition, ExecutionSnapshot? snapshot, DateTimeOffset now, Random random,
        int maxPayloadBytes = Interpreter.DefaultMaxPayloadBytes, IReadOnlySet<string>? missingActivities = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPayloadBytes, 1);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(random);
        return new DecisionSequence(definition, snapshot, now, random, maxPayloadBytes, missingActivities);
    }

    /// <summary>
    /// The snapshot after the decisions applied so far (the starting one before the first). It is the sequence's own:
    /// the next <see cref="Apply"/> changes it, so a caller that keeps it stops applying.
    /// </summary>
    public ExecutionSnapshot? Snapshot => _snapshot ?? _start;

    /// <summary>The events of every decision applied so far, in order; a decision's are those past the count before it.</summary>
    public IReadOnlyList<HistoryEvent> Events => (IReadOnlyList<HistoryEvent>?)_stepper?.Events ?? [];

    /// <summary>The commands of every decision applied so far, in order; a decision's are those past the count before it.</summary>
    public IReadOnlyList<ExecutionCommand> Commands => (IReadOnlyList<ExecutionCommand>?)_stepper?.Commands ?? [];

    /// <summary>Applies <paramref name="stimulus"/> to <see cref="Snapshot"/>, appending to <see cref="Events"/> and <see cref="Commands"/>.</summary>
    /// <exception cref="ArgumentException">
    /// When the sequence started without a snapshot and <paramref name="stimulus"/> is not ExecutionStarted, or when an
    /// ExecutionStarted comes after the first decision.
    /// </exception>
    public void Apply(Stimulus stimulus)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        if (_stepper is null)
        {
            _snapshot = stimulus is ExecutionStartedStimulus started
                ? new ExecutionSnapshot(started.Info)
                : _start?.Clone() ?? throw new ArgumentException("Only ExecutionStarted may come without a snapshot.", nameof(stimulus));
            _stepper = new Stepper(_definition, _snapshot, _now, _random, _maxPayloadBytes, _missingActivities);
        }
        else if (stimulus is ExecutionStartedStimulus)
        {
            throw new ArgumentException("ExecutionStarted starts a decision of its own.", nameof(stimulus));
        }

        _stepper.Apply(stimulus);
    }
}
