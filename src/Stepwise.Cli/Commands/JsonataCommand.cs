using System.CommandLine;
using Stepwise.Json;
using Stepwise.Jsonata;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise jsonata '&lt;expression&gt;' [--input JSON|@file] [--bindings JSON] [--json]</c>: evaluates one JSONata
/// expression, for debugging the expressions of JSONata states. Exit code 1 on an error.
/// </summary>
internal static class JsonataCommand
{
    public static Command Create()
    {
        var expression = new Argument<string>("expression") { Description = "The JSONata expression." };
        var input = CommonOptions.Input("The input document (default: none, so paths are undefined).");
        var bindings = new Option<string?>("--bindings") { Description = "A JSON object of variables: {\"name\": value} binds $name." };
        var json = CommonOptions.Json();
        var command = new Command("jsonata", "Evaluate a JSONata expression.") { expression, input, bindings, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            bool machine = parse.GetValue(json);
            if (!JsonInput.TryRead(parse.GetValue(input), JsonValue.Null, out var document, out string? inputError)
                || !JsonInput.TryRead(parse.GetValue(bindings), JsonObject.Empty, out var variables, out inputError))
            {
                parse.InvocationConfiguration.Error.WriteLine(inputError);
                return StepwiseCli.Failure;
            }

            if (variables is not JsonObject variableObject)
            {
                parse.InvocationConfiguration.Error.WriteLine("--bindings takes a JSON object.");
                return StepwiseCli.Failure;
            }

            try
            {
                var compiled = JsonataExpression.Compile(parse.GetRequiredValue(expression));
                var scope = new JsonataBindings();
                foreach (var (name, value) in variableObject)
                {
                    scope.Set(name, value);
                }

                var result = compiled.Evaluate(parse.GetValue(input) is null ? null : document, scope);
                if (machine)
                {
                    output.WriteLine((result is null ? JsonObject.Create(("undefined", true)) : JsonObject.Create(("result", result))).ToJsonString());
                }
                else
                {
                    output.WriteLine(result is null ? "undefined" : result.ToIndentedJsonString());
                }

                return 0;
            }
            catch (JsonataException e)
            {
                if (machine)
                {
                    output.WriteLine(JsonObject.Create(("error", JsonObject.Create(("code", e.Code), ("message", e.Message)))).ToJsonString());
                }
                else
                {
                    parse.InvocationConfiguration.Error.WriteLine($"{e.Code}: {e.Message}");
                }

                return StepwiseCli.Failure;
            }
        });
        return command;
    }
}
