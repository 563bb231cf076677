using Stepwise.Json;

namespace Stepwise.Integrations.Lambda;

/// <summary>A function served by a registered .NET handler.</summary>
internal sealed class InProcessLambdaBackend(TaskHandler handler) : LambdaBackend
{
    public override ValueTask<JsonValue> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken) =>
        handler(invocation.Request, cancellationToken);
}
