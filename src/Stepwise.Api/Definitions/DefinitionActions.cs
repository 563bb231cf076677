using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;
using Stepwise.Definition.Validation;

namespace Stepwise.Api.Definitions;

/// <summary>ValidateStateMachineDefinition: AWS's diagnostics for a definition, without creating anything.</summary>
internal static class DefinitionActions
{
    private const int MaxDiagnostics = 100;

    public static void Register(ApiCatalog catalog)
    {
        var json = DefinitionJsonContext.Default;
        catalog.Add("ValidateStateMachineDefinition", json.ValidateStateMachineDefinitionRequest,
            json.ValidateStateMachineDefinitionResponse, ValidateAsync);
    }

    private static Task<ValidateStateMachineDefinitionResponse> ValidateAsync(ApiContext context,
        ValidateStateMachineDefinitionRequest request, CancellationToken cancellationToken)
    {
        string definition = RequestChecks.Definition(request.Definition);
        var options = RequestChecks.Enum(request.Type, "type", "STANDARD", "EXPRESS") == "EXPRESS" ? ValidationOptions.Express : ValidationOptions.Standard;
        bool warnings = RequestChecks.Enum(request.Severity, "severity", "ERROR", "WARNING") == "WARNING";
        int max = request.MaxResults ?? 0;
        Constraints.Range(max, "maxResults", 0, MaxDiagnostics);

        var result = DefinitionValidator.Validate(definition, options);
        var diagnostics = new List<ValidateStateMachineDefinitionDiagnostic>();
        bool truncated = false;
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Warning && !warnings)
            {
                continue;
            }

            if (diagnostics.Count == (max == 0 ? MaxDiagnostics : max))
            {
                truncated = true;
                break;
            }

            diagnostics.Add(new ValidateStateMachineDefinitionDiagnostic(
                diagnostic.Severity == DiagnosticSeverity.Error ? "ERROR" : "WARNING",
                diagnostic.Code,
                diagnostic.Message,
                diagnostic.HasLocation ? diagnostic.Location : null));
        }

        return Task.FromResult(new ValidateStateMachineDefinitionResponse(result.IsValid ? "OK" : "FAIL", diagnostics, truncated));
    }
}
