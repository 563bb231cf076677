namespace Stepwise.Runtime;

/// <summary>Something that happened to an execution and that <see cref="Interpreter.Decide"/> reacts to.</summary>
public abstract record Stimulus;
