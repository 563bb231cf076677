namespace Stepwise.Definition.Validation;

/// <summary>
/// AWS's diagnostic texts in one place. Texts marked "recorded" appear verbatim in the aws-recorded corpus or in
/// measurements published against real AWS; the others follow the same phrasing but are not yet confirmed, so they
/// are the first place to look when a new recording disagrees.
/// </summary>
internal static class DiagnosticMessages
{
    // Recorded: ValidateStateMachineDefinition for " " (no location).
    public const string NotAnObject = "Definition must be a valid JSON object";

    // Recorded: "These fields are required: [States, StartAt]" (AWS lists States before StartAt).
    public static string Required(string fields) => $"These fields are required: [{fields}]";

    // Recorded: Credentials without RoleArn.
    public static string RequiredButMissing(string field) => $"The field '{field}' is required but was missing";

    // Recorded (published measurements): located at the object holding the field, not at the field.
    public static string NotSupported(string field) => $"Field '{field}' is not supported";

    // Recorded.
    public const string StateTypes = "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]";

    public static string OneOf(string field, string values) => $"The field '{field}' should have one of these values: [{values}]";

    // Recorded: Parallel with "Branches": [].
    public const string Empty = "Value cannot be empty";

    // Recorded.
    public const string Rfc3339 = "String does not match RFC3339 timestamp";

    // Recorded ('parsed.$' inside Parameters, located at the Parameters field).
    public static string TemplatePath(string key) => $"The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call";

    // Recorded by AWS users for Parameters keys; the same text serves every path field.
    public static string Path(string field) => $"The value for the field '{field}' must be a valid JSONPath";

    public static string ReferencePath(string field) => $"The value for the field '{field}' must be a valid ReferencePath";

    // Recorded: the word is 'Next' whatever the field (Next, Default, Choices[i].Next, Catch[i].Next).
    public static string MissingTarget(string target) => $"Missing 'Next' target: {target}";

    // Recorded.
    public static string Unreachable(string state) => $"State \"{state}\" is not reachable.";

    // Recorded (no location).
    public const string NoTerminalState = "Workflow has no terminal state";

    public static string DuplicateStateName(string state) => $"Duplicate State name: {state}";

    public static string StateNameTooLong(string state) => $"State name '{state}' exceeds the maximum length of 80 characters";

    // Recorded.
    public const string JsonPathUnderJsonata = "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine";

    // Recorded (published measurements) for JSONata-only fields in a JSONPath state; the mirror text is assumed.
    public static string WrongQueryLanguage(string language, string field, string required) =>
        $"The QueryLanguage is set to '{language}', but field '{field}' is only supported for the '{required}' QueryLanguage";

    // Recorded, including the double space AWS leaves before " at" for '.waitForTaskToken'.
    public const string ExpressActivity = "Express state machine does not support Activity ARN";
    public const string ExpressSync = "Express state machine does not support '.sync' service integration";
    public const string ExpressWaitForTaskToken = "Express state machine does not support '.waitForTaskToken' service integration ";

    // Recorded.
    public static string UnknownResource(string resource) =>
        $"The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.";

    public static string Type(string field, string type) => $"The value for the field '{field}' must be {type}";

    public static string Minimum(string field, string minimum) => $"The value for the field '{field}' must be greater than or equal to {minimum}";

    public static string Maximum(string field, string maximum) => $"The value for the field '{field}' must be less than or equal to {maximum}";

    public static string Exclusive(string first, string second) => $"The fields '{first}' and '{second}' cannot both be specified";

    public static string ExactlyOne(string fields) => $"Exactly one of these fields must be specified: [{fields}]";

    public const string NextAndEnd = "The fields 'Next' and 'End' cannot both be specified";

    public const string NeitherNextNorEnd = "Either 'Next' or 'End: true' must be specified";

    public const string HeartbeatNotBelowTimeout = "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds'";

    public const string StatesAllAlone = "The value 'States.ALL' must appear alone in 'ErrorEquals'";

    public const string StatesAllLast = "A rule with 'States.ALL' in 'ErrorEquals' must be the last one";

    public const string ChoiceRuleOperator = "A choice rule must have exactly one comparison operator";

    // Variable names in Assign (the rules are documented, the texts are not recorded yet).
    public static string InvalidVariableName(string name) =>
        $"The variable name '{name}' is not valid: it must start with a letter or '_' and contain only letters, digits and '_'";

    public static string VariableNameTooLong(string name) => $"The variable name '{name}' exceeds the maximum length of 80 characters";

    public static string ReservedVariableName(string name) => $"The variable name '{name}' is reserved";

    public static string DuplicateVariableName(string name) => $"The variable '{name}' is assigned more than once in the same Assign";

    // Warnings: AWS documents the codes, not the texts.
    public static string NoDollar(string key) =>
        $"The value for the field '{key}' looks like a JSONPath or an intrinsic function call, but the field name does not end with '.$'";

    public static string NoPath(string field) =>
        $"The value for the field '{field}' looks like a JSONPath, but it is taken literally; use '{field}Path' to read it from the input";

    public const string PassResultIsStatic = "The Result of a Pass state is static: the paths in it are not evaluated";
}
