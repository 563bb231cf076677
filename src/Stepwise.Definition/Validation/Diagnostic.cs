namespace Stepwise.Definition.Validation;

/// <summary>
/// One finding about a definition, shaped as ValidateStateMachineDefinition returns it.
/// </summary>
/// <param name="Code">AWS's code, e.g. <c>SCHEMA_VALIDATION_FAILED</c> (see <see cref="DiagnosticCodes"/>).</param>
/// <param name="Message">AWS's message text, without the location.</param>
/// <param name="Location">
/// Where the problem is, as AWS writes it: a JSON-Pointer-like path from the definition root such as
/// <c>/States/X/Next</c>, with array elements written <c>Choices[0]</c> as AWS does. Empty when AWS reports no location
/// (a machine with no terminal state, a definition that is not a JSON object); for a text that does not parse it is the
/// parser's position description.
/// </param>
/// <param name="Severity">Whether the finding rejects the definition.</param>
public sealed record Diagnostic(string Code, string Message, string Location, DiagnosticSeverity Severity)
{
    /// <summary>True when AWS would report this diagnostic with a location field.</summary>
    public bool HasLocation => Location.Length != 0;
}
