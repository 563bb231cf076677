namespace Stepwise.Definition.Diagrams;

/// <summary>What happened to a state in an execution, as a diagram colours it.</summary>
public enum StateRunStatus
{
    /// <summary>The execution never entered the state.</summary>
    NotReached,

    /// <summary>The state ran and exited normally.</summary>
    Succeeded,

    /// <summary>The state failed and nothing caught the error.</summary>
    Failed,

    /// <summary>The state failed and a Catcher moved on to its handler.</summary>
    Caught,

    /// <summary>The state is running.</summary>
    Running,

    /// <summary>The execution stopped (aborted, timed out) while the state ran.</summary>
    Aborted,
}
