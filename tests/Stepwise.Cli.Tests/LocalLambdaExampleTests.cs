namespace Stepwise.Cli.Tests;

/// <summary>examples/local-lambda: Lambda functions served by local Python commands that stepwise.json names.</summary>
public sealed class LocalLambdaExampleTests
{
    private static string Example(string file) => CliRunner.InRepo(Path.Combine("examples", "local-lambda", file));

    [Fact]
    public async Task Run_with_config_serves_the_functions_by_their_commands()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Example("greet.asl.json"), "--input", "@" + Example("input.json"), "--config", Example("stepwise.json"));

        Assert.Equal(0, exit);
        Assert.Equal("""{"greeting":"HELLO, ADA!"}""", result["output"]!.ToJsonString());
    }

    [Fact]
    public async Task A_Python_exception_is_caught_by_its_type()
    {
        var (exit, result) = await CliRunner.RunJsonAsync("run", Example("greet.asl.json"), "--input", """{"name": "Zoë"}""", "--config", Example("stepwise.json"));

        Assert.Equal(1, exit);
        Assert.Equal("ValueError", result["error"]!.AsString());
        Assert.Contains("only ASCII greetings can be shouted", result["cause"]!.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_configuration_file_is_reported_with_its_key()
    {
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"lambda": {"functions": {"Greet": {"command": 3}}}}""");
        try
        {
            var (exit, _, error) = await CliRunner.RunAsync("run", Example("greet.asl.json"), "--config", path);

            Assert.Equal(1, exit);
            Assert.Contains("'lambda.functions.Greet.command' must be a program name or a non-empty array", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
