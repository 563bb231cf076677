using Spectre.Console;
using Stepwise.Definition.Validation;
using Stepwise.Json;

namespace Stepwise.Cli.Output;

/// <summary>Prints validation diagnostics for people, or in ValidateStateMachineDefinition's shape for machines.</summary>
internal static class DiagnosticsPrinter
{
    public static void Print(IAnsiConsole console, string file, IReadOnlyList<Diagnostic> diagnostics)
    {
        int errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        console.MarkupLine(errors == 0
            ? $"[green]✓[/] {Markup.Escape(file)} is a valid state machine"
            : $"[red]✗[/] {Markup.Escape(file)} is not valid ({errors} error{(errors == 1 ? "" : "s")})");
        foreach (var d in diagnostics)
        {
            string colour = d.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            string where = d.Location.Length > 0 ? $" at {Markup.Escape(d.Location)}" : "";
            console.MarkupLine($"  [{colour}]{d.Severity.ToString().ToUpperInvariant()}[/] {Markup.Escape(d.Code)}{where}: {Markup.Escape(d.Message)}");
        }
    }

    /// <summary>The ValidateStateMachineDefinition response: <c>{"result","diagnostics":[…],"truncated"}</c>.</summary>
    public static JsonObject ToJson(IReadOnlyList<Diagnostic> diagnostics)
    {
        var items = new List<JsonValue>(diagnostics.Count);
        foreach (var d in diagnostics)
        {
            items.Add(JsonObject.Create(
                ("severity", d.Severity.ToString().ToUpperInvariant()),
                ("code", d.Code),
                ("message", d.Message),
                ("location", d.Location)));
        }

        bool ok = diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
        return JsonObject.Create(("result", ok ? "OK" : "FAIL"), ("diagnostics", JsonArray.Create(items)), ("truncated", false));
    }
}
