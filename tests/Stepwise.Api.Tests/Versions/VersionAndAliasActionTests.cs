namespace Stepwise.Api.Tests.Versions;

public sealed class VersionAndAliasActionTests
{
    private const string Other = """{"StartAt":"Q","States":{"Q":{"Type":"Pass","Result":"second","End":true}}}""";

    private static async Task<(string Machine, string V1, string V2)> TwoVersionsAsync(ApiServer server, string name)
    {
        string machine = await server.CreateStateMachineAsync(name);
        string v1 = (await server.CallOkAsync("PublishStateMachineVersion", $$"""{"stateMachineArn":"{{machine}}"}"""))["stateMachineVersionArn"]!.AsString();
        await server.CallOkAsync("UpdateStateMachine", $$"""{"stateMachineArn":"{{machine}}","definition":{{ApiServer.Quote(Other)}}}""");
        string v2 = (await server.CallOkAsync("PublishStateMachineVersion", $$"""{"stateMachineArn":"{{machine}}","description":"two"}"""))["stateMachineVersionArn"]!.AsString();
        return (machine, v1, v2);
    }

    private static string Routes(params (string Arn, int Weight)[] routes) =>
        "[" + string.Join(",", routes.Select(r => $$"""{"stateMachineVersionArn":"{{r.Arn}}","weight":{{r.Weight}}}""")) + "]";

    [Fact]
    public async Task PublishStateMachineVersion_numbers_versions_and_is_idempotent_for_an_unchanged_revision()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, v1, v2) = await TwoVersionsAsync(server, "published");

        string again = (await server.CallOkAsync("PublishStateMachineVersion", $$"""{"stateMachineArn":"{{machine}}"}"""))["stateMachineVersionArn"]!.AsString();
        var listed = await server.CallOkAsync("ListStateMachineVersions", $$"""{"stateMachineArn":"{{machine}}"}""");

        Assert.Equal(machine + ":1", v1);
        Assert.Equal(machine + ":2", v2);
        Assert.Equal(v2, again);
        var versions = listed["stateMachineVersions"]!.AsArray();
        Assert.Equal(2, versions.Count);
        Assert.Equal(v2, versions[0].AsObject()["stateMachineVersionArn"]!.AsString());
    }

    [Fact]
    public async Task PublishStateMachineVersion_for_a_stale_revision_answers_ConflictException()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("stale");
        string current = (await server.CallOkAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{machine}}"}"""))["revisionId"]!.AsString();

        string message = await server.CallFailsAsync("PublishStateMachineVersion",
            $$"""{"stateMachineArn":"{{machine}}","revisionId":"rev-0f29a37a"}""", "ConflictException");

        Assert.Equal($"Failed to publish the State Machine version for revision rev-0f29a37a. The current State Machine revision is {current}.", message);
    }

    [Theory]
    [InlineData("invalid_arn", "InvalidArn")]
    [InlineData("arn:aws:states:us-east-1:123456789012:stateMachine:none", "StateMachineDoesNotExist")]
    public async Task PublishStateMachineVersion_of_a_bad_or_missing_machine_fails(string arn, string error)
    {
        await using var server = await ApiServer.StartAsync();

        await server.CallFailsAsync("PublishStateMachineVersion", $$"""{"stateMachineArn":"{{arn}}"}""", error);
    }

    [Fact]
    public async Task An_execution_started_through_a_version_runs_that_version()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, v1, _) = await TwoVersionsAsync(server, "through-version");

        string arn = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{v1}}"}"""))["executionArn"]!.AsString();
        await server.Engine.WaitForExecutionAsync(arn);
        var described = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{arn}}"}""");
        var listed = await server.CallOkAsync("ListExecutions", $$"""{"stateMachineArn":"{{v1}}"}""");

        Assert.Equal("""{"done":true}""", described["output"]!.AsString());
        Assert.Equal(v1, described["stateMachineVersionArn"]!.AsString());
        Assert.Equal(arn, Assert.Single(listed["executions"]!.AsArray()).AsObject()["executionArn"]!.AsString());
    }

    [Fact]
    public async Task An_alias_routes_every_start_to_its_only_version_and_is_described_and_listed()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, _, v2) = await TwoVersionsAsync(server, "aliased");

        var created = await server.CallOkAsync("CreateStateMachineAlias", $$"""{"name":"live","description":"d","routingConfiguration":{{Routes((v2, 100))}}}""");
        string alias = created["stateMachineAliasArn"]!.AsString();
        string execution = (await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{alias}}"}"""))["executionArn"]!.AsString();
        await server.Engine.WaitForExecutionAsync(execution);
        var described = await server.CallOkAsync("DescribeExecution", $$"""{"executionArn":"{{execution}}"}""");
        var aliasDescribed = await server.CallOkAsync("DescribeStateMachineAlias", $$"""{"stateMachineAliasArn":"{{alias}}"}""");
        var listed = await server.CallOkAsync("ListStateMachineAliases", $$"""{"stateMachineArn":"{{machine}}"}""");

        Assert.Equal(machine + ":live", alias);
        Assert.Equal("\"second\"", described["output"]!.AsString());
        Assert.Equal(alias, described["stateMachineAliasArn"]!.AsString());
        Assert.Equal(v2, described["stateMachineVersionArn"]!.AsString());
        Assert.Equal("live", aliasDescribed["name"]!.AsString());
        Assert.Equal("d", aliasDescribed["description"]!.AsString());
        Assert.Equal(v2, aliasDescribed["routingConfiguration"]!.AsArray()[0].AsObject()["stateMachineVersionArn"]!.AsString());
        Assert.Equal(alias, Assert.Single(listed["stateMachineAliases"]!.AsArray()).AsObject()["stateMachineAliasArn"]!.AsString());
    }

    [Fact]
    public async Task CreateStateMachineAlias_again_with_other_settings_answers_ConflictException_and_the_same_settings_succeed()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, v1, v2) = await TwoVersionsAsync(server, "conflict");
        string body = $$"""{"name":"a","routingConfiguration":{{Routes((v1, 100))}}}""";
        string first = (await server.CallOkAsync("CreateStateMachineAlias", body))["stateMachineAliasArn"]!.AsString();

        string again = (await server.CallOkAsync("CreateStateMachineAlias", body))["stateMachineAliasArn"]!.AsString();
        string message = await server.CallFailsAsync("CreateStateMachineAlias",
            $$"""{"name":"a","routingConfiguration":{{Routes((v1, 50), (v2, 50))}}}""", "ConflictException");

        Assert.Equal(first, again);
        Assert.Equal("Failed to create alias because an alias with the same name and a different routing configuration already exists.", message);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("INVALID ALIAS")]
    [InlineData("ALIAS@")]
    public async Task CreateStateMachineAlias_with_a_bad_name_answers_ValidationException_quoting_the_pattern(string name)
    {
        await using var server = await ApiServer.StartAsync();
        var (_, v1, _) = await TwoVersionsAsync(server, "names");

        string message = await server.CallFailsAsync("CreateStateMachineAlias",
            $$"""{"name":"{{name}}","routingConfiguration":{{Routes((v1, 100))}}}""", "ValidationException");

        Assert.Equal($"1 validation error detected: Value '{name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$", message);
    }

    [Fact]
    public async Task CreateStateMachineAlias_routing_errors_use_AWS_texts()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, v1, v2) = await TwoVersionsAsync(server, "routes");

        string sum = await server.CallFailsAsync("CreateStateMachineAlias", $$"""{"name":"s","routingConfiguration":{{Routes((v1, 70), (v2, 29))}}}""", "ValidationException");
        string distinct = await server.CallFailsAsync("CreateStateMachineAlias", $$"""{"name":"s","routingConfiguration":{{Routes((v1, 50), (v1, 50))}}}""", "ValidationException");
        string unqualified = await server.CallFailsAsync("CreateStateMachineAlias", $$"""{"name":"s","routingConfiguration":{{Routes((machine, 100))}}}""", "ValidationException");
        string weight = await server.CallFailsAsync("CreateStateMachineAlias", $$"""{"name":"s","routingConfiguration":{{Routes((v1, 101))}}}""", "ValidationException");
        string count = await server.CallFailsAsync("CreateStateMachineAlias", $$"""{"name":"s","routingConfiguration":{{Routes((v1, 50), (v2, 30), (v2, 20))}}}""", "ValidationException");

        Assert.Equal("Sum of routing configuration weights must equal 100. Received: [70, 29]", sum);
        Assert.Equal($"Routing configuration must contain distinct state machine version ARNs. Received: [{v1}, {v1}]", distinct);
        Assert.Equal($"Routing configuration must contain state machine version ARNs. Received: [{machine}]", unqualified);
        Assert.Equal("1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100", weight);
        Assert.EndsWith("at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2", count, StringComparison.Ordinal);
        Assert.StartsWith($"1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn={v1}, weight=50), ", count, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateStateMachineAlias_changes_the_routes_and_a_deleted_alias_is_ResourceNotFound()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, v1, v2) = await TwoVersionsAsync(server, "update");
        string alias = (await server.CallOkAsync("CreateStateMachineAlias", $$"""{"name":"a","routingConfiguration":{{Routes((v1, 100))}}}"""))["stateMachineAliasArn"]!.AsString();

        var updated = await server.CallOkAsync("UpdateStateMachineAlias", $$"""{"stateMachineAliasArn":"{{alias}}","routingConfiguration":{{Routes((v2, 100))}}}""");
        var described = await server.CallOkAsync("DescribeStateMachineAlias", $$"""{"stateMachineAliasArn":"{{alias}}"}""");
        await server.CallOkAsync("DeleteStateMachineAlias", $$"""{"stateMachineAliasArn":"{{alias}}"}""");
        string message = await server.CallFailsAsync("UpdateStateMachineAlias", $$"""{"stateMachineAliasArn":"{{alias}}","description":"x"}""", "ResourceNotFound");

        Assert.NotNull(updated["updateDate"]);
        Assert.Equal(v2, described["routingConfiguration"]!.AsArray()[0].AsObject()["stateMachineVersionArn"]!.AsString());
        Assert.Equal("Request references a resource that does not exist.", message);
    }

    [Fact]
    public async Task DeleteStateMachineVersion_refuses_a_version_an_alias_routes_to_and_deletes_it_afterwards()
    {
        await using var server = await ApiServer.StartAsync();
        var (machine, v1, _) = await TwoVersionsAsync(server, "delete");
        string alias = (await server.CallOkAsync("CreateStateMachineAlias", $$"""{"name":"state_machine_alias_name","routingConfiguration":{{Routes((v1, 100))}}}"""))["stateMachineAliasArn"]!.AsString();

        string message = await server.CallFailsAsync("DeleteStateMachineVersion", $$"""{"stateMachineVersionArn":"{{v1}}"}""", "ConflictException");
        await server.CallOkAsync("DeleteStateMachineAlias", $$"""{"stateMachineAliasArn":"{{alias}}"}""");
        await server.CallOkAsync("DeleteStateMachineVersion", $$"""{"stateMachineVersionArn":"{{v1}}"}""");
        var listed = await server.CallOkAsync("ListStateMachineVersions", $$"""{"stateMachineArn":"{{machine}}"}""");

        Assert.Equal("Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [state_machine_alias_name]", message);
        Assert.Equal(machine + ":2", Assert.Single(listed["stateMachineVersions"]!.AsArray()).AsObject()["stateMachineVersionArn"]!.AsString());
    }

    [Fact]
    public async Task ListStateMachineAliases_with_a_foreign_token_answers_InvalidToken()
    {
        await using var server = await ApiServer.StartAsync();
        string machine = await server.CreateStateMachineAsync("tokens");

        string message = await server.CallFailsAsync("ListStateMachineAliases", $$"""{"stateMachineArn":"{{machine}}","nextToken":"InvalidToken"}""", "InvalidToken");

        Assert.Equal("Invalid Token: 'Invalid token'", message);
    }
}
