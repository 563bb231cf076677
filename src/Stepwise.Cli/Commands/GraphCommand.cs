using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Definition.Diagrams;
using Stepwise.Definition.Model;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise graph &lt;file&gt; [--format svg|mermaid|dot] [--execution ARN --endpoint URL]</c>: the console's picture of a
/// state machine without a browser, for docs and CI artefacts; with an execution (read from a running server's API),
/// each state coloured by what happened.
/// </summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The state machine definition (JSON or YAML)." };
        var format = new Option<string>("--format")
        {
            Description = "svg (a picture, the default), mermaid (renders in GitHub Markdown) or dot (Graphviz: `dot -Tsvg`).",
            DefaultValueFactory = _ => "svg",
        };
        format.AcceptOnlyFromAmong("svg", "mermaid", "dot");
        var execution = new Option<string?>("--execution") { Description = "Colour the states by what happened in this execution (its ARN)." };
        var endpoint = new Option<string?>("--endpoint") { Description = "The API that ran the execution, e.g. http://127.0.0.1:8083." };
        var command = new Command("graph", "Draw a state machine as an SVG picture or a Mermaid or DOT diagram, optionally coloured by an execution.") { file, format, execution, endpoint };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            string path = parse.GetRequiredValue(file);
            if (!DefinitionFile.TryLoad(path, out var definition, out var diagnostics))
            {
                DiagnosticsPrinter.Print(Terminal.Over(error), path, diagnostics);
                return StepwiseCli.Failure;
            }

            string? executionArn = parse.GetValue(execution);
            string? endpointUrl = parse.GetValue(endpoint);
            if ((executionArn is null) != (endpointUrl is null))
            {
                error.WriteLine("--execution and --endpoint go together.");
                return StepwiseCli.Failure;
            }

            IReadOnlyDictionary<string, StateRunStatus>? statuses = null;
            if (executionArn is not null)
            {
                if (!Uri.TryCreate(endpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    error.WriteLine($"--endpoint: '{endpointUrl}' is not an http(s) URL.");
                    return StepwiseCli.Failure;
                }

                try
                {
                    statuses = await ExecutionStatuses.ReadAsync(uri, executionArn, cancellationToken).ConfigureAwait(false);
                }
                catch (ExecutionStatuses.ApiCallException e)
                {
                    error.WriteLine(e.Message);
                    return StepwiseCli.Failure;
                }
            }

            var diagramFormat = parse.GetRequiredValue(format) switch
            {
                "dot" => DiagramFormat.Dot,
                "mermaid" => DiagramFormat.Mermaid,
                _ => DiagramFormat.Svg,
            };
            parse.InvocationConfiguration.Output.Write(StateDiagram.Write(StateMachine.FromJson(definition), diagramFormat, statuses));
            return 0;
        });
        return command;
    }
}
