using System.CommandLine;
using Spectre.Console;
using Stepwise.Cli.Output;
using Stepwise.Hosting;
using Stepwise.Json;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise run &lt;file&gt; [--input JSON|@file] [--mock-config FILE --test-case NAME] [--fast-time] [--answers FILE] [--json [--history]]</c>:
/// runs a state machine in memory, showing each state as it ends, then the output or the error; exit code 1 unless SUCCEEDED.
/// A <c>.waitForTaskToken</c> task prints its token on stderr and takes its answer from stdin or <c>--answers</c> (<see cref="TaskAnswers"/>).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The state machine definition (JSON or YAML)." };
        var input = CommonOptions.Input("The execution input (default {}).");
        var name = new Option<string?>("--name") { Description = "The state machine name (default: the file name); mock configurations are looked up by it." };
        var mockConfig = new Option<string?>("--mock-config") { Description = "An AWS Step Functions Local mock configuration file." };
        var testCase = new Option<string?>("--test-case") { Description = "The test case of the mock configuration to run." };
        var fastTime = new Option<bool>("--fast-time") { Description = "Waits, retries and timeouts take no real time (timestamps advance as if they did)." };
        var answers = new Option<string?>("--answers")
        {
            Description = "Answers to .waitForTaskToken tasks, one JSON object a line ({\"output\": …}, {\"error\": …, \"cause\": …}, {\"heartbeat\": true}), read as tasks wait (default: stdin; - is stdin).",
        };
        var json = CommonOptions.Json();
        var history = new Option<bool>("--history") { Description = "With --json: include the execution history as AWS's GetExecutionHistory returns it." };
        var config = CommonOptions.Config();
        var command = new Command("run", "Run a state machine once, in memory.") { file, input, name, mockConfig, testCase, fastTime, answers, json, history, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var console = Terminal.Over(output);
            string path = parse.GetRequiredValue(file);
            if (!DefinitionFile.TryLoad(path, out var definition, out var diagnostics))
            {
                DiagnosticsPrinter.Print(Terminal.Over(parse.InvocationConfiguration.Error), path, diagnostics);
                return StepwiseCli.Failure;
            }

            if (!JsonInput.TryRead(parse.GetValue(input), JsonObject.Empty, out var executionInput, out string? inputError))
            {
                parse.InvocationConfiguration.Error.WriteLine($"InvalidExecutionInput: {inputError}");
                return StepwiseCli.Failure;
            }

            string? testCaseName = parse.GetValue(testCase);
            string? mockPath = parse.GetValue(mockConfig);
            if (mockPath is not null && testCaseName is null)
            {
                parse.InvocationConfiguration.Error.WriteLine("--mock-config needs --test-case.");
                return StepwiseCli.Failure;
            }

            if (!ConfigurationFile.TryLoad(parse.GetValue(config), mockPath, out var integrations, out var mocks, out string? configError))
            {
                parse.InvocationConfiguration.Error.WriteLine($"stepwise: {configError}");
                return StepwiseCli.Failure;
            }

            if (testCaseName is not null && mocks is null)
            {
                parse.InvocationConfiguration.Error.WriteLine("--test-case needs a mock configuration: --mock-config, SFN_MOCK_CONFIG or mockConfig in stepwise.json.");
                return StepwiseCli.Failure;
            }

            await using var engine = new StepwiseEngine(new StepwiseEngineOptions
            {
                FastTime = parse.GetValue(fastTime),
                Mocks = mocks,
                Integrations = integrations,
            });

            string? answersPath = parse.GetValue(answers);
            if (answersPath is not null and not "-" && !File.Exists(answersPath))
            {
                parse.InvocationConfiguration.Error.WriteLine($"stepwise: the answers file '{answersPath}' does not exist.");
                return StepwiseCli.Failure;
            }

            using var answersFile = answersPath is null or "-" ? null : File.OpenText(answersPath);
            var taskAnswers = new TaskAnswers(engine, answersFile ?? Console.In, parse.InvocationConfiguration.Error);
            using var runEnded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Not awaited: a read from stdin may block past the run's end, and nothing then waits for an answer.
            var answering = taskAnswers.RunAsync(runEnded.Token);

            bool machine = parse.GetValue(json);
            var progress = machine ? null : new RunProgressPrinter(console);
            ExecutionResult result;
            try
            {
                result = await engine.RunAsync(definition, executionInput, new RunOptions
                {
                    StateMachineName = parse.GetValue(name) ?? StateMachineName(path),
                    MockTestCase = testCaseName,
                    OnEvent = progress is null ? null : progress.OnEvent,
                    OnTaskWaiting = taskAnswers.OnTaskWaiting,
                }, cancellationToken);
            }
            finally
            {
                await runEnded.CancelAsync();
                if (answersFile is not null)
                {
                    await answering;
                }
            }

            string status = result.Status.ToAwsString();
            if (machine)
            {
                output.WriteLine(RunResultJson.Create(result, parse.GetValue(history)).ToJsonString());
            }
            else
            {
                progress!.Finish(result.Error);
                string colour = result.Status == ExecutionStatus.Succeeded ? "green" : "red";
                console.MarkupLine($"[{colour}]{status}[/] [grey]in {(result.StopDate - result.StartDate).TotalMilliseconds:0} ms[/]");
                if (result.Output is { } resultOutput)
                {
                    output.WriteLine(resultOutput.ToIndentedJsonString());
                }

                if (result.Error is not null || result.Cause is not null)
                {
                    console.MarkupLine($"[red]{Markup.Escape(result.Error ?? "")}[/]: {Markup.Escape(result.Cause ?? "")}");
                }
            }

            return result.Status == ExecutionStatus.Succeeded ? 0 : StepwiseCli.Failure;
        });
        return command;
    }

    /// <summary><c>orders/pipeline.asl.json</c> → <c>pipeline</c>.</summary>
    private static string StateMachineName(string path)
    {
        string name = Path.GetFileName(path);
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
