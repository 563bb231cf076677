using Stepwise.Json;

namespace Stepwise.Cli.Tests;

public sealed class CommandTests
{
    [Fact]
    public async Task Validate_reports_a_missing_Next_target_with_its_location_and_exit_code_1()
    {
        string file = Path.Combine(Path.GetTempPath(), $"stepwise-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(file, """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""");
        try
        {
            var (exit, result) = await CliRunner.RunJsonAsync("validate", file);
            Assert.Equal(1, exit);
            Assert.Equal("FAIL", result["result"]!.AsString());
            var diagnostic = result["diagnostics"]!.AsArray()[0].AsObject();
            Assert.Equal("ERROR", diagnostic["severity"]!.AsString());
            Assert.Equal("/States/A/Next", diagnostic["location"]!.AsString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Validate_accepts_the_examples()
    {
        var (exit, output, _) = await CliRunner.RunAsync("validate", CliRunner.InRepo("examples/saga/saga.asl.json"));
        Assert.Equal(0, exit);
        Assert.Contains("valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_YAML_and_prints_each_state_then_the_output()
    {
        string file = Path.Combine(Path.GetTempPath(), $"stepwise-{Guid.NewGuid():N}.asl.yaml");
        await File.WriteAllTextAsync(file, """
            StartAt: Greet
            States:
              Greet:
                Type: Pass
                Parameters:
                  greeting.$: States.Format('Hello, {}!', $.name)
                End: true
            """);
        try
        {
            var (exit, output, error) = await CliRunner.RunAsync("run", file, "--input", """{"name":"Ada"}""");
            Assert.True(exit == 0, error);
            Assert.Contains("Greet", output, StringComparison.Ordinal);
            Assert.Contains("SUCCEEDED", output, StringComparison.Ordinal);
            Assert.Contains("Hello, Ada!", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Run_with_json_prints_one_object_with_the_error_and_cause_of_a_failed_execution()
    {
        string file = Path.Combine(Path.GetTempPath(), $"stepwise-{Guid.NewGuid():N}.asl.json");
        await File.WriteAllTextAsync(file, """{"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Custom.Error","Cause":"it broke"}}}""");
        try
        {
            var (exit, result) = await CliRunner.RunJsonAsync("run", file);
            Assert.Equal(1, exit);
            Assert.Equal(
                JsonValue.Parse("""{"status":"FAILED","output":null,"error":"Custom.Error","cause":"it broke"}"""),
                result);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Run_rejects_input_that_is_not_JSON_with_AWSs_exception_name()
    {
        var (exit, _, error) = await CliRunner.RunAsync("run", CliRunner.InRepo("examples/saga/saga.asl.json"), "--input", "{not json");
        Assert.Equal(1, exit);
        Assert.StartsWith("InvalidExecutionInput", error, StringComparison.Ordinal);
    }
}

public sealed class JsonataCommandTests
{
    [Fact]
    public async Task Jsonata_evaluates_against_the_input_and_the_bindings()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("jsonata", "$sum(orders.price) * $rate", "--input", """{"orders":[{"price":10},{"price":5.5}]}""", "--bindings", """{"rate":2}""");
        Assert.Equal(0, exit);
        Assert.Equal(JsonValue.Parse("""{"result":31}"""), result);
    }

    [Fact]
    public async Task Jsonata_prints_undefined_for_no_result_and_still_succeeds()
    {
        var (exit, output, _) = await CliRunner.RunAsync("jsonata", "missing.field", "--input", "{}");
        Assert.Equal(0, exit);
        Assert.Equal("undefined", output.Trim());
        var (_, json) = await CliRunner.RunJsonAsync("jsonata", "missing.field", "--input", "{}");
        Assert.Equal(JsonValue.Parse("""{"undefined":true}"""), json);
    }

    [Fact]
    public async Task Jsonata_reports_the_error_code_and_message_with_exit_code_1()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("jsonata", "'a' + 1");
        Assert.Equal(1, exit);
        Assert.Equal("T2001", result["error"]!.AsObject()["code"]!.AsString());
        var (_, _, error) = await CliRunner.RunAsync("jsonata", "(");
        Assert.StartsWith("S0", error, StringComparison.Ordinal);
    }
}
