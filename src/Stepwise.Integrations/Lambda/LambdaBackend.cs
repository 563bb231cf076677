using Stepwise.Json;

namespace Stepwise.Integrations.Lambda;

/// <summary>
/// What serves a Lambda function: an in-process handler, a local command or an Invoke API endpoint. A backend returns
/// the function's result, throws <see cref="LambdaFunctionException"/> for a function error and
/// <see cref="TaskFailedException"/> for a service fault (<c>Lambda.ServiceException</c>…); the dispatcher converts both.
/// </summary>
internal abstract class LambdaBackend
{
    public abstract ValueTask<JsonValue> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken);
}
