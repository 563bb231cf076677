using Stepwise.Definition.Reading;
using Stepwise.Json;

namespace Stepwise.Definition.Validation;

/// <summary>
/// Validates Amazon States Language definitions the way CreateStateMachine and ValidateStateMachineDefinition do,
/// with AWS's codes, messages and locations. Every problem is collected; nothing throws for a bad definition.
/// </summary>
public static class DefinitionValidator
{
    /// <summary>Validates a parsed definition as a STANDARD state machine.</summary>
    public static ValidationResult Validate(JsonValue definition) => Validate(definition, ValidationOptions.Standard);

    /// <summary>Validates a parsed definition; <paramref name="options"/> says whether it is an EXPRESS machine.</summary>
    public static ValidationResult Validate(JsonValue definition, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var context = new ValidationContext(options);
        new DefinitionWalker(context).WalkRoot(definition);
        return context.ToResult(includeGraph: true);
    }

    /// <summary>
    /// Validates a single state as the TestState API does when it is given one: AWS places it in a one-state machine
    /// under the name <c>StateName</c>, so locations read <c>/States/StateName/...</c>. Only the schema is checked: the
    /// state's Next and Catch targets need not exist, since the state is tested alone.
    /// </summary>
    public static ValidationResult ValidateState(JsonValue state, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        const string name = "StateName";
        var machine = JsonObject.Create(("StartAt", name), ("States", JsonObject.Create((name, state))));
        var context = new ValidationContext(options);
        new DefinitionWalker(context).WalkRoot(machine);
        return context.ToResult(includeGraph: false);
    }

    /// <summary>
    /// Reads definition text as AWS does (JSON only) and validates it: a text that does not parse yields AWS's
    /// INVALID_JSON_DESCRIPTION diagnostic, a blank text or a JSON value that is not an object yields
    /// "Definition must be a valid JSON object".
    /// </summary>
    public static ValidationResult Validate(string definitionText, ValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(definitionText);
        return DefinitionReader.TryRead(definitionText, DefinitionFormat.Json, out var definition, out var diagnostic)
            ? Validate(definition, options)
            : new ValidationResult([diagnostic]);
    }
}
