using System.Text;

namespace Stepwise.Definition.Validation;

/// <summary>The outcome of validating one definition: every diagnostic found, in AWS's order.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(IReadOnlyList<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                IsValid = false;
                return;
            }
        }

        IsValid = true;
    }

    /// <summary>Errors and warnings, in the order AWS reports them.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when no diagnostic is an error (warnings do not reject a definition).</summary>
    public bool IsValid { get; }

    /// <summary>
    /// The message CreateStateMachine and UpdateStateMachine return with an InvalidDefinition error:
    /// <c>Invalid State Machine Definition: 'CODE: message at /location, CODE: message at /location'</c>. A diagnostic
    /// without a location reads <c>at null</c>, as AWS writes it. Warnings are not part of the message.
    /// </summary>
    public string ToInvalidDefinitionMessage()
    {
        var text = new StringBuilder("Invalid State Machine Definition: '");
        bool first = true;
        foreach (var diagnostic in Diagnostics)
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error)
            {
                continue;
            }

            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            text.Append(diagnostic.Code).Append(": ").Append(diagnostic.Message)
                .Append(" at ").Append(diagnostic.HasLocation ? diagnostic.Location : "null");
        }

        return text.Append('\'').ToString();
    }
}
