using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>
/// One task invocation as a handler sees it. <paramref name="Input"/> is the evaluated Parameters (for
/// <c>lambda:invoke</c>, the <c>Payload</c>); <paramref name="Context"/> is the state's context object (<c>$$</c>).
/// </summary>
public sealed record TaskRequest(string Resource, JsonValue Input, string? TaskToken, JsonValue Context);
