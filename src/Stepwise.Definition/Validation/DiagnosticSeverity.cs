namespace Stepwise.Definition.Validation;

/// <summary>How serious a <see cref="Diagnostic"/> is, as ValidateStateMachineDefinition reports it (ERROR, WARNING).</summary>
public enum DiagnosticSeverity
{
    /// <summary>The definition is rejected: CreateStateMachine answers InvalidDefinition.</summary>
    Error,

    /// <summary>The definition is accepted, but something in it is probably a mistake.</summary>
    Warning,
}
