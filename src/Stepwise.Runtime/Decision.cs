namespace Stepwise.Runtime;

/// <summary>What one call of <see cref="Interpreter.Decide"/> produced: the next snapshot, the events to append, the work to do.</summary>
public sealed record Decision(ExecutionSnapshot Snapshot, IReadOnlyList<HistoryEvent> Events, IReadOnlyList<ExecutionCommand> Commands);
