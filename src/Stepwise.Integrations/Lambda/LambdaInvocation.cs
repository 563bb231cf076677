using Stepwise.Json;

namespace Stepwise.Integrations.Lambda;

/// <summary>
/// One function call: the bare <paramref name="FunctionName"/>, the version or alias the caller named (or null), the
/// event, the Invoke API's invocation type (<c>RequestResponse</c>, <c>Event</c>, <c>DryRun</c>), and the task request
/// an in-process handler sees; <paramref name="Region"/> is the engine's (requests are signed for it unless configured otherwise).
/// </summary>
internal sealed record LambdaInvocation(string FunctionName, string? Qualifier, JsonValue Payload, string InvocationType, TaskRequest Request, string Region, string RequestId);
