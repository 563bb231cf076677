using Stepwise.Json;

namespace Stepwise.Api.Tests;

public sealed class TagApiTests
{
    private const string Definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    private static string Quoted(string text) => new JsonString(text).ToJsonString();

    [Fact]
    public async Task Tags_on_a_state_machine_are_added_replaced_listed_and_removed()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = (await server.Engine.CreateStateMachineAsync("tagged", Definition)).StateMachineArn;

        await server.CallAsync("TagResource", $$"""{"resourceArn":{{Quoted(arn)}},"tags":[{"key":"team","value":"core"},{"key":"env","value":"dev"}]}""");
        await server.CallAsync("TagResource", $$"""{"resourceArn":{{Quoted(arn)}},"tags":[{"key":"team","value":"platform"}]}""");
        await server.CallAsync("UntagResource", $$"""{"resourceArn":{{Quoted(arn)}},"tagKeys":["env","absent"]}""");
        var (status, listed) = await server.CallAsync("ListTagsForResource", $$"""{"resourceArn":{{Quoted(arn)}}}""");

        Assert.Equal(200, status);
        Assert.Equal(JsonValue.Parse("""[{"key":"team","value":"platform"}]"""), listed["tags"]);
    }

    [Fact]
    public async Task Tags_given_to_CreateActivity_are_listed_and_leave_with_the_deleted_activity()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, created) = await server.CallAsync("CreateActivity", """{"name":"act","tags":[{"key":"owner","value":"ops"}]}""");
        string arn = created["activityArn"]!.AsString();
        var (_, listed) = await server.CallAsync("ListTagsForResource", $$"""{"resourceArn":{{Quoted(arn)}}}""");
        await server.CallAsync("DeleteActivity", $$"""{"activityArn":{{Quoted(arn)}}}""");
        await server.CallAsync("CreateActivity", """{"name":"act"}""");
        var (_, relisted) = await server.CallAsync("ListTagsForResource", $$"""{"resourceArn":{{Quoted(arn)}}}""");

        Assert.Equal(JsonValue.Parse("""[{"key":"owner","value":"ops"}]"""), listed["tags"]);
        Assert.Equal(JsonValue.Parse("[]"), relisted["tags"]);
    }

    [Fact]
    public async Task Tagging_a_state_machine_version_answers_ResourceNotFound_as_AWS_recorded()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = (await server.Engine.CreateStateMachineAsync("versioned", Definition)).StateMachineArn + ":1";

        var (status, body) = await server.CallAsync("TagResource", $$"""{"resourceArn":{{Quoted(arn)}},"tags":[{"key":"key1","value":"value1"}]}""");

        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#ResourceNotFound", body["__type"]!.AsString());
        Assert.Equal($"Resource not found: '{arn}'", body["message"]!.AsString());
    }

    [Fact]
    public async Task More_than_fifty_tags_on_a_resource_answer_TooManyTags()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = (await server.Engine.CreateStateMachineAsync("crowded", Definition)).StateMachineArn;
        var tags = new List<string>();
        for (int i = 0; i < 51; i++)
        {
            tags.Add($$"""{"key":"k{{i}}","value":"v"}""");
        }

        var (_, body) = await server.CallAsync("TagResource", $$"""{"resourceArn":{{Quoted(arn)}},"tags":[{{string.Join(',', tags)}}]}""");
        var (_, listed) = await server.CallAsync("ListTagsForResource", $$"""{"resourceArn":{{Quoted(arn)}}}""");

        Assert.Equal("com.amazonaws.states#TooManyTags", body["__type"]!.AsString());
        Assert.Empty(listed["tags"]!.AsArray());
    }
}
