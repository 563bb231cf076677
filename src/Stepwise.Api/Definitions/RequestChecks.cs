using Stepwise.Api.StateMachines;
using Stepwise.Api.Validation;

namespace Stepwise.Api.Definitions;

/// <summary>The parameter checks the definition-taking actions (ValidateStateMachineDefinition, TestState) share.</summary>
internal static class RequestChecks
{
    /// <summary>A definition is required, 1 to 1,048,576 characters; AWS does not echo it in the message.</summary>
    public static string Definition(string? definition)
    {
        string text = Constraints.Required(definition, "definition");
        if (text.Length == 0)
        {
            throw Constraints.SensitiveViolation("definition", "Member must have length greater than or equal to 1");
        }

        if (text.Length > StateMachineSettings.MaxDefinitionLength)
        {
            throw Constraints.SensitiveViolation("definition", $"Member must have length less than or equal to {StateMachineSettings.MaxDefinitionLength}");
        }

        return text;
    }

    /// <summary><paramref name="value"/> when it is one of <paramref name="allowed"/>; the first of them when absent.</summary>
    public static string Enum(string? value, string member, params string[] allowed)
    {
        if (value is null)
        {
            return allowed[0];
        }

        Constraints.OneOf(value, member, allowed);
        return value;
    }
}
