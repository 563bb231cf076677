namespace Stepwise.Api;

/// <summary>Settings of <c>stepwise serve</c>.</summary>
public sealed class StepwiseServerOptions
{
    /// <summary>The address to bind; default loopback only, so nothing is exposed unless the operator asks.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port of the API (and the console); default 8083, Step Functions Local's port. 0 picks a free one.</summary>
    public int Port { get; set; } = 8083;
}
