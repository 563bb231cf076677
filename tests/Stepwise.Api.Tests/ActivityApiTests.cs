using Stepwise.Json;

namespace Stepwise.Api.Tests;

public sealed class ActivityApiTests
{
    private static string Quoted(string text) => new JsonString(text).ToJsonString();

    private static async Task<string> CreateActivityAsync(ApiServer server, string name)
    {
        var (status, body) = await server.CallAsync("CreateActivity", $$"""{"name":{{Quoted(name)}}}""");
        Assert.Equal(200, status);
        return body["activityArn"]!.AsString();
    }

    [Fact]
    public async Task An_activity_is_created_idempotently_described_listed_and_deleted()
    {
        await using var server = await ApiServer.StartAsync();

        string arn = await CreateActivityAsync(server, "resize");
        Assert.Equal(arn, await CreateActivityAsync(server, "resize"));
        var (_, described) = await server.CallAsync("DescribeActivity", $$"""{"activityArn":{{Quoted(arn)}}}""");
        var (_, listed) = await server.CallAsync("ListActivities");
        var (deleteStatus, _) = await server.CallAsync("DeleteActivity", $$"""{"activityArn":{{Quoted(arn)}}}""");
        var (status, missing) = await server.CallAsync("DescribeActivity", $$"""{"activityArn":{{Quoted(arn)}}}""");

        Assert.Equal("arn:aws:states:us-east-1:123456789012:activity:resize", arn);
        Assert.Equal("resize", described["name"]!.AsString());
        Assert.Equal(JsonValueKind.Number, described["creationDate"]!.Kind);
        Assert.Equal(arn, listed["activities"]!.AsArray()[0].AsObject()["activityArn"]!.AsString());
        Assert.Equal(200, deleteStatus);
        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#ActivityDoesNotExist", missing["__type"]!.AsString());
        Assert.Equal($"Activity Does Not Exist: '{arn}'", missing["message"]!.AsString());
    }

    [Theory]
    [InlineData("activity}name")]
    [InlineData("\u0000activity")]
    public async Task A_name_with_a_forbidden_character_answers_InvalidName_as_AWS_words_it(string name)
    {
        await using var server = await ApiServer.StartAsync();

        var (status, body) = await server.CallAsync("CreateActivity", $$"""{"name":{{Quoted(name)}}}""");

        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#InvalidName", body["__type"]!.AsString());
        Assert.Equal($"Invalid Name: '{name}'", body["message"]!.AsString());
    }

    [Theory]
    [InlineData("DescribeActivity")]
    [InlineData("GetActivityTask")]
    public async Task A_text_that_is_no_ARN_answers_InvalidArn(string action)
    {
        await using var server = await ApiServer.StartAsync();

        var (_, body) = await server.CallAsync(action, """{"activityArn":"no_an_activity_arn"}""");

        Assert.Equal("com.amazonaws.states#InvalidArn", body["__type"]!.AsString());
        Assert.Equal("Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'", body["message"]!.AsString());
    }

    [Fact]
    public async Task A_worker_takes_an_activity_task_over_the_API_and_its_answer_ends_the_execution()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = await CreateActivityAsync(server, "approve");
        var machine = await server.Engine.CreateStateMachineAsync("flow",
            "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\",\"Resource\":" + Quoted(arn) + ",\"End\":true}}}");
        var execution = await server.Engine.StartExecutionAsync(machine.StateMachineArn, JsonValue.Parse("{\"doc\":7}"));

        var (_, task) = await server.CallAsync("GetActivityTask", $$"""{"activityArn":{{Quoted(arn)}},"workerName":"w1"}""");
        string token = task["taskToken"]!.AsString();
        var (status, _) = await server.CallAsync("SendTaskSuccess", $$"""{"taskToken":{{Quoted(token)}},"output":"{\"ok\":true}"}""");
        var (_, again) = await server.CallAsync("SendTaskSuccess", $$"""{"taskToken":{{Quoted(token)}},"output":"{}"}""");
        var result = await server.Engine.WaitForExecutionAsync(execution.ExecutionArn).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(JsonValue.Parse("{\"doc\":7}"), JsonValue.Parse(task["input"]!.AsString()));
        Assert.Equal(200, status);
        Assert.Equal("com.amazonaws.states#TaskDoesNotExist", again["__type"]!.AsString());
        Assert.Equal("{\"ok\":true}", result.Output);
    }

    [Fact]
    public async Task Callbacks_with_a_malformed_token_or_output_answer_InvalidToken_and_InvalidOutput()
    {
        await using var server = await ApiServer.StartAsync();
        string wellFormed = Runtime.TaskTokens.New(new Random(1), "arn:aws:states:us-east-1:123456789012:execution:m:e");

        var (_, invalidToken) = await server.CallAsync("SendTaskHeartbeat", """{"taskToken":"abc"}""");
        var (_, unknown) = await server.CallAsync("SendTaskFailure", $$"""{"taskToken":{{Quoted(wellFormed)}},"error":"E"}""");
        var (_, invalidOutput) = await server.CallAsync("SendTaskSuccess", $$"""{"taskToken":{{Quoted(wellFormed)}},"output":"{not json"}""");
        var (_, missingToken) = await server.CallAsync("SendTaskSuccess", """{"output":"{}"}""");

        Assert.Equal("com.amazonaws.states#InvalidToken", invalidToken["__type"]!.AsString());
        Assert.Equal("com.amazonaws.states#TaskDoesNotExist", unknown["__type"]!.AsString());
        Assert.Equal("com.amazonaws.states#InvalidOutput", invalidOutput["__type"]!.AsString());
        Assert.Equal("com.amazonaws.states#ValidationException", missingToken["__type"]!.AsString());
    }
}
