namespace Stepwise.Runtime;

/// <summary>Work the host must do after a decision is committed.</summary>
public abstract record ExecutionCommand;
