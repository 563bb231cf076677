using Stepwise.Hosting.Durable;

namespace Stepwise.Api.Protocol;

/// <summary>What every action handler works with: the engine (and through it the store) and the server's settings.</summary>
public sealed class ApiContext
{
    /// <summary>Creates a context over <paramref name="engine"/>.</summary>
    public ApiContext(DurableEngine engine, StepwiseServerOptions options)
    {
        Engine = engine;
        Options = options;
    }

    /// <summary>The durable engine; its <see cref="DurableEngine.Store"/> holds state machines, executions and activities.</summary>
    public DurableEngine Engine { get; }

    /// <summary>The server's settings (region and account used in ARNs among them).</summary>
    public StepwiseServerOptions Options { get; }
}
