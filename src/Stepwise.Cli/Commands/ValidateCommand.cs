using System.CommandLine;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise validate &lt;file&gt; [--json]</c>: AWS's diagnostics for a definition, exit code 1 when invalid.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The state machine definition (JSON or YAML)." };
        var json = CommonOptions.Json();
        var command = new Command("validate", "Validate a state machine definition as AWS Step Functions does.") { file, json };
        command.SetAction(parse =>
        {
            string path = parse.GetRequiredValue(file);
            bool valid = DefinitionFile.TryLoad(path, out _, out var diagnostics);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(DiagnosticsPrinter.ToJson(diagnostics).ToJsonString());
            }
            else
            {
                DiagnosticsPrinter.Print(Terminal.Over(output), path, diagnostics);
            }

            return valid ? 0 : StepwiseCli.Failure;
        });
        return command;
    }
}
