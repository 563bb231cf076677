namespace Stepwise.Runtime.Testing;

/// <summary>How a tested state ended, as TestState reports it.</summary>
public enum StateTestStatus
{
    /// <summary>The state completed; see the output and the next state.</summary>
    Succeeded,

    /// <summary>The state failed and no retrier or catcher handled the error.</summary>
    Failed,

    /// <summary>The state failed and a retrier would run it again.</summary>
    Retriable,

    /// <summary>The state failed and a catcher handled the error; the output is the catcher's.</summary>
    CaughtError,
}
