using Stepwise.Json;

namespace Stepwise.Api.Tests;

public sealed class ProtocolTests
{
    [Fact]
    public async Task An_unknown_action_answers_UnknownOperationException_in_AWS_shape()
    {
        await using var server = await ApiServer.StartAsync();

        var (status, body) = await server.CallAsync("MakeCoffee");

        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#UnknownOperationException", body["__type"]!.AsString());
        Assert.Contains("MakeCoffee", body["message"]!.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_answers_SerializationException()
    {
        await using var server = await ApiServer.StartAsync();

        var (status, body) = await server.CallAsync("ListStateMachines", "{not json");

        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#SerializationException", body["__type"]!.AsString());
    }

    [Fact]
    public async Task ListStateMachines_pages_through_the_stored_machines_with_epoch_second_dates()
    {
        await using var server = await ApiServer.StartAsync();
        const string definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
        await server.Engine.CreateStateMachineAsync("first", definition);
        await server.Engine.CreateStateMachineAsync("second", definition);

        var (status, page1) = await server.CallAsync("ListStateMachines", """{"maxResults":1}""");
        var (_, page2) = await server.CallAsync("ListStateMachines", $$"""{"maxResults":1,"nextToken":{{page1["nextToken"]!.ToJsonString()}}}""");

        Assert.Equal(200, status);
        var first = page1["stateMachines"]!.AsArray()[0].AsObject();
        Assert.Equal("first", first["name"]!.AsString());
        Assert.Equal("STANDARD", first["type"]!.AsString());
        Assert.Equal(JsonValueKind.Number, first["creationDate"]!.Kind);
        Assert.Equal("second", page2["stateMachines"]!.AsArray()[0].AsObject()["name"]!.AsString());
        Assert.Null(page2["nextToken"]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task MaxResults_out_of_range_answers_ValidationException(int maxResults)
    {
        await using var server = await ApiServer.StartAsync();

        var (status, body) = await server.CallAsync("ListStateMachines", $$"""{"maxResults":{{maxResults}}}""");

        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#ValidationException", body["__type"]!.AsString());
        Assert.Contains($"'{maxResults}' at 'maxResults'", body["message"]!.AsString(), StringComparison.Ordinal);
    }
}
