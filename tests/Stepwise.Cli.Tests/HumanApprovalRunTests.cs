using Stepwise.Json;

namespace Stepwise.Cli.Tests;

/// <summary>
/// examples/human-approval under <c>stepwise run</c>: the callback task prints its token and takes its answers from
/// <c>--answers</c>, one JSON line at a time as the task waits.
/// </summary>
public sealed class HumanApprovalRunTests : IDisposable
{
    private readonly string _answers = Path.GetTempFileName();

    private static string Approval(string file) => CliRunner.InRepo(Path.Combine("examples", "human-approval", file));

    public void Dispose() => File.Delete(_answers);

    private async Task<(int Exit, JsonObject Result, string Error)> RunAsync(params string[] answers)
    {
        await File.WriteAllLinesAsync(_answers, answers);
        var (exit, output, error) = await CliRunner.RunAsync("run", Approval("approval.asl.json"), "--input", "@" + Approval("input.json"),
            "--config", Approval("stepwise.json"), "--answers", _answers, "--json");
        Assert.True(output.Length > 0, $"No output; stderr: {error}");
        return (exit, JsonValue.Parse(output).AsObject(), error);
    }

    [Fact]
    public async Task A_heartbeat_then_an_approval_from_the_answers_file_approves_the_expense()
    {
        var (exit, result, error) = await RunAsync("""{"heartbeat": true}""", """{"output": {"approved": true, "approver": "grace@example.com"}}""");

        Assert.Equal(0, exit);
        Assert.Equal("APPROVED", result["output"]!.AsObject()["status"]!.AsString());
        Assert.Equal("grace@example.com", result["output"]!.AsObject()["approver"]!.AsString());
        Assert.Contains("AskForApproval waits for its task token: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_answer_fails_the_task_and_the_execution_with_its_error()
    {
        var (exit, result, _) = await RunAsync("""{"error": "ApproverAway", "cause": "out of office"}""");

        Assert.Equal(1, exit);
        Assert.Equal("FAILED", result["status"]!.AsString());
        Assert.Equal("ApproverAway", result["error"]!.AsString());
        Assert.Equal("out of office", result["cause"]!.AsString());
    }

    [Fact]
    public async Task An_answer_naming_a_token_no_task_has_is_reported_and_the_next_line_still_answers()
    {
        string unknown = Convert.ToBase64String(new byte[48]);

        var (exit, result, error) = await RunAsync("not json", "{\"taskToken\": \"" + unknown + "\", \"output\": {}}", """{"output": {"approved": false}}""");

        Assert.Equal(0, exit);
        Assert.Equal("REJECTED", result["output"]!.AsObject()["status"]!.AsString());
        Assert.Contains("stepwise: an answer must be one JSON object a line", error, StringComparison.Ordinal);
        Assert.Contains($"TaskDoesNotExist: no waiting task has the token '{unknown}'", error, StringComparison.Ordinal);
    }
}
