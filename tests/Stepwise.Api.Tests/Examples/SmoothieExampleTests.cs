using System.Diagnostics;
using Stepwise.Hosting.Durable;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.Testing;

namespace Stepwise.Api.Tests.Examples;

/// <summary>
/// <c>examples/smoothie</c> end to end: the definition against a robots table and an order queue on moto, served by the
/// API, with the README's Python robot answering over boto3. Each test has its own moto, so robots and queued orders
/// never leak between scenarios.
/// </summary>
public sealed class SmoothieExampleTests : IDisposable
{
    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(25);
    private readonly MotoServer _moto = new();

    [Fact]
    public async Task A_free_robot_makes_the_smoothie_and_is_free_again()
    {
        await using var server = await StartAsync("robo-1:BROKEN", "robo-2:FREE");
        string arn = await StartExecutionAsync(server);

        var (exit, output) = await RunRobotAsync(server, "serve", "--once");
        var finished = await server.Engine.WaitForExecutionAsync(arn).WaitAsync(s_guard);

        Assert.True(exit == 0, output);
        Assert.Equal("SUCCEEDED", finished.Status);
        Assert.Equal(
            JsonValue.Parse("""{"robotId":"robo-2","smoothie":{"flavour":"mango","size":"large"},"status":"SERVED"}"""),
            JsonValue.Parse(finished.Output!));
        Assert.Equal("FREE", await RobotStatusAsync("robo-2"));
    }

    [Fact]
    public async Task A_robot_that_never_answers_times_out_after_10_seconds_and_is_marked_BROKEN()
    {
        await using var server = await StartAsync("robo-1:FREE");
        string arn = await StartExecutionAsync(server);

        var finished = await server.Engine.WaitForExecutionAsync(arn).WaitAsync(s_guard);

        Assert.Equal("FAILED", finished.Status);
        Assert.Equal("RobotTimedOut", finished.Error);
        Assert.Equal("BROKEN", await RobotStatusAsync("robo-1"));
        Assert.True(finished.StopDate!.Value - finished.StartDate >= TimeSpan.FromSeconds(10), $"It failed after {finished.StopDate - finished.StartDate}.");

        // The order still waits in the queue; a robot that wakes up now is told its task is gone (the API answers
        // TaskTimedOut or TaskDoesNotExist) and drops the order instead of crashing.
        var (exit, output) = await RunRobotAsync(server, "serve", "--once");
        Assert.True(exit == 0, output);
        Assert.Contains("robo-1 was too late: Task", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_free_robot_fails_the_execution_without_ordering()
    {
        await using var server = await StartAsync("robo-1:WORKING", "robo-2:BROKEN");
        string arn = await StartExecutionAsync(server);

        var finished = await server.Engine.WaitForExecutionAsync(arn).WaitAsync(s_guard);

        Assert.Equal("FAILED", finished.Status);
        Assert.Equal("NoRobotFree", finished.Error);
        Assert.Equal("WORKING", await RobotStatusAsync("robo-1"));
    }

    public void Dispose() => _moto.Dispose();

    private static string Example(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
            {
                return Path.Combine(dir.FullName, "examples", "smoothie", file);
            }
        }

        throw new InvalidOperationException("No Stepwise.slnx above the test binaries.");
    }

    /// <summary>Sets up moto with the README's <c>robot.py setup</c>, then an API whose integrations point at it.</summary>
    private async Task<ApiServer> StartAsync(params string[] robots)
    {
        var configuration = new IntegrationsConfiguration();
        configuration.SetEndpoint("dynamodb", _moto.Endpoint);
        configuration.SetEndpoint("sqs", _moto.Endpoint);
        var server = await ApiServer.StartAsync(new DurableEngineOptions { Integrations = configuration });
        var (exit, output) = await RunRobotAsync(server, ["setup", .. robots]);
        Assert.True(exit == 0, output);
        return server;
    }

    private async Task<string> StartExecutionAsync(ApiServer server)
    {
        string machine = await server.CreateStateMachineAsync("smoothie", await File.ReadAllTextAsync(Example("smoothie.asl.json")));
        var input = JsonValue.Parse(await File.ReadAllTextAsync(Example("input.json"))).AsObject();
        // The queue URL names moto's port and account, which differ from the README's.
        input = input.With("queueUrl", (JsonValue)$"{_moto.Endpoint}{MotoServer.AccountId}/smoothie-orders");
        var started = await server.CallOkAsync("StartExecution",
            $$"""{"stateMachineArn":"{{machine}}","input":{{ApiServer.Quote(input.ToJsonString())}}}""");
        return started["executionArn"]!.AsString();
    }

    private async Task<(int Exit, string Output)> RunRobotAsync(ApiServer server, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { Example("robot.py") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MOTO_ENDPOINT"] = _moto.Endpoint.ToString().TrimEnd('/');
        start.Environment["STEPWISE_ENDPOINT"] = server.BaseAddress.ToString().TrimEnd('/');
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(s_guard);
        return (process.ExitCode, await stdout + await stderr);
    }

    private async Task<string> RobotStatusAsync(string robotId)
    {
        var item = JsonValue.Parse(await _moto.CallJsonAsync("dynamodb", "DynamoDB_20120810.GetItem",
            "{\"TableName\":\"SmoothieRobots\",\"Key\":{\"RobotId\":{\"S\":" + ApiServer.Quote(robotId) + "}}}")).AsObject();
        return item["Item"]!.AsObject()["RobotStatus"]!.AsObject()["S"]!.AsString();
    }
}
