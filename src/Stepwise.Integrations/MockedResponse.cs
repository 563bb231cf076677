using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>One mocked response: a <c>Return</c> value, or a <c>Throw</c> with Error and Cause.</summary>
public sealed record MockedResponse(JsonValue? Return, string? Error, string? Cause)
{
    /// <summary>True for a <c>Throw</c> response.</summary>
    public bool IsThrow => Error is not null;
}
