namespace Stepwise.Api.Definitions;

/// <summary>The <c>ValidateStateMachineDefinition</c> request.</summary>
/// <param name="Definition">The definition text (JSON), 1 to 1,048,576 characters.</param>
/// <param name="Type"><c>STANDARD</c> (the default) or <c>EXPRESS</c>.</param>
/// <param name="Severity">The least severe diagnostics returned: <c>ERROR</c> (the default) or <c>WARNING</c>.</param>
/// <param name="MaxResults">At most this many diagnostics, 0 to 100 (0 or absent means 100).</param>
public sealed record ValidateStateMachineDefinitionRequest(string? Definition = null, string? Type = null, string? Severity = null, int? MaxResults = null);

/// <summary>The <c>ValidateStateMachineDefinition</c> response.</summary>
/// <param name="Result"><c>OK</c> when the definition can be created, <c>FAIL</c> when it has errors.</param>
/// <param name="Diagnostics">The findings, in AWS's order, filtered by severity and cut at maxResults.</param>
/// <param name="Truncated">True when more diagnostics were found than returned.</param>
public sealed record ValidateStateMachineDefinitionResponse(string Result, IReadOnlyList<ValidateStateMachineDefinitionDiagnostic> Diagnostics, bool Truncated);

/// <summary>One finding of a <c>ValidateStateMachineDefinition</c> response.</summary>
/// <param name="Severity"><c>ERROR</c> or <c>WARNING</c>.</param>
/// <param name="Code">AWS's code, e.g. <c>SCHEMA_VALIDATION_FAILED</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Location">Where, as a path like <c>/States/A/Next</c>; absent when AWS reports none.</param>
public sealed record ValidateStateMachineDefinitionDiagnostic(string Severity, string Code, string Message, string? Location);
