namespace Stepwise.Integrations.Configuration;

/// <summary>
/// How one Lambda function is served: a local command (the event on its stdin, the result on its stdout) or a
/// Lambda-Invoke-compatible endpoint. Exactly one of <see cref="Command"/> and <see cref="Endpoint"/> is set.
/// </summary>
public sealed class LambdaFunctionConfiguration
{
    /// <summary>The program and its arguments, run once per invocation (no shell: arguments are passed as given).</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The command's working directory; default the directory of the configuration file.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables added to the command's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A Lambda Invoke API endpoint that serves this function (overrides the shared Lambda endpoint).</summary>
    public Uri? Endpoint { get; init; }
}
