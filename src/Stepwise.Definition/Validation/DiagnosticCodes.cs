namespace Stepwise.Definition.Validation;

/// <summary>The diagnostic codes AWS uses in InvalidDefinition errors and ValidateStateMachineDefinition responses.</summary>
public static class DiagnosticCodes
{
    /// <summary>The text is not JSON (or YAML, for Stepwise's own readers).</summary>
    public const string InvalidJsonDescription = "INVALID_JSON_DESCRIPTION";

    /// <summary>The definition does not have the shape the States Language requires: fields, types, values.</summary>
    public const string SchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";

    /// <summary>A transition names a state that does not exist, or a state is not reachable from StartAt.</summary>
    public const string MissingTransitionTarget = "MISSING_TRANSITION_TARGET";

    /// <summary>A (nested) state machine has no state that ends it.</summary>
    public const string MissingEndState = "MISSING_END_STATE";

    /// <summary>Two states anywhere in the definition have the same name.</summary>
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";

    /// <summary>A state name breaks the naming rules (longer than 80 characters).</summary>
    public const string InvalidStateName = "INVALID_STATE_NAME";

    /// <summary>Warning: a field's value looks like a path or an intrinsic call, but its name does not end in <c>.$</c>.</summary>
    public const string NoDollar = "NO_DOLLAR";

    /// <summary>Warning: a field's value looks like a path, but the field is not the field's Path form.</summary>
    public const string NoPath = "NO_PATH";

    /// <summary>Warning: a Pass state's Result holds paths, which are never evaluated.</summary>
    public const string PassResultIsStatic = "PASS_RESULT_IS_STATIC";

    /// <summary>A <c>{% %}</c> expression does not parse; the message is the JSONata parser's.</summary>
    public const string InvalidJsonataExpression = "INVALID_JSONATA_EXPRESSION";

    /// <summary>A JSONata expression uses something Step Functions does not offer where it is written (<c>$states.result</c> outside a result field).</summary>
    public const string UnsupportedJsonataExpression = "UNSUPPORTED_JSONATA_EXPRESSION";

    /// <summary>
    /// Warning (Stepwise's own): a JSONata expression uses syntax newer than the JSONata 2.0.6 AWS runs (<c>??</c>,
    /// <c>?:</c>); it runs here but AWS would refuse the definition.
    /// </summary>
    public const string JsonataNewerThanAws = "JSONATA_NEWER_THAN_AWS";
}
