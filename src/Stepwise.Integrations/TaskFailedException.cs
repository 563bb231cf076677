namespace Stepwise.Integrations;

/// <summary>A task failure as data: recorded with this <see cref="Error"/> and <see cref="Cause"/>, then retried or caught.</summary>
public sealed class TaskFailedException(string error, string? cause) : Exception(cause ?? error)
{
    /// <summary>The ASL error name that Retry/Catch match.</summary>
    public string Error { get; } = error;

    /// <summary>The cause text; may be null.</summary>
    public string? Cause { get; } = cause;
}
