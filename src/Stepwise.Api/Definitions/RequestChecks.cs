using Stepwise.Api.Protocol;

namespace Stepwise.Api.Definitions;

/// <summary>
/// The parameter constraints the definition-taking actions (ValidateStateMachineDefinition, TestState) share, failing
/// with AWS's <c>1 validation error detected: …</c> message.
/// </summary>
internal static class RequestChecks
{
    /// <summary>A definition is required and at most 1,048,576 characters.</summary>
    public static string Definition(string? definition)
    {
        if (definition is null)
        {
            throw Invalid("Value null at 'definition' failed to satisfy constraint: Member must not be null");
        }

        if (definition.Length is 0 or > DefinitionActions.MaxDefinitionLength)
        {
            throw Invalid(definition.Length == 0
                ? "Value at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1"
                : $"Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to {DefinitionActions.MaxDefinitionLength}");
        }

        return definition;
    }

    /// <summary>A state machine type: <c>STANDARD</c> (the default) or <c>EXPRESS</c>.</summary>
    public static string StateMachineType(string? type) => Enum(type, "type", "STANDARD", "EXPRESS");

    /// <summary><paramref name="value"/> when it is one of <paramref name="allowed"/>; the first of them when absent.</summary>
    public static string Enum(string? value, string member, params string[] allowed)
    {
        if (value is null)
        {
            return allowed[0];
        }

        if (Array.IndexOf(allowed, value) < 0)
        {
            throw Invalid($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }

        return value;
    }

    /// <summary>A ValidationException with AWS's one-error prefix.</summary>
    public static ApiException Invalid(string constraint) =>
        new(ApiErrorTypes.Validation, "1 validation error detected: " + constraint);
}
