namespace Stepwise.Api.Tests.StateMachines;

public sealed class StateMachineActionTests
{
    private const string Role = "arn:aws:iam::123456789012:role/r";

    [Fact]
    public async Task CreateStateMachine_then_DescribeStateMachine_reports_every_member()
    {
        await using var server = await ApiServer.StartAsync();

        var created = await server.CallOkAsync("CreateStateMachine",
            $$"""{"name":"orders","definition":{{ApiServer.Quote(ApiServer.PassDefinition)}},"roleArn":"{{Role}}"}""");
        string arn = created["stateMachineArn"]!.AsString();
        var described = await server.CallOkAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""");

        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:orders", arn);
        Assert.Equal("orders", described["name"]!.AsString());
        Assert.Equal("ACTIVE", described["status"]!.AsString());
        Assert.Equal("STANDARD", described["type"]!.AsString());
        Assert.Equal(ApiServer.PassDefinition, described["definition"]!.AsString());
        Assert.Equal(Role, described["roleArn"]!.AsString());
        Assert.Equal(created["creationDate"]!.ToJsonString(), described["creationDate"]!.ToJsonString());
        Assert.Equal("OFF", described["loggingConfiguration"]!.AsObject()["level"]!.AsString());
        Assert.NotNull(described["revisionId"]);
    }

    [Fact]
    public async Task CreateStateMachine_with_an_invalid_definition_answers_InvalidDefinition_with_the_validators_text()
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync("CreateStateMachine",
            $$"""{"name":"bad","definition":{{ApiServer.Quote("""{"StartAt":"State_1"}""")}},"roleArn":"{{Role}}"}""", "InvalidDefinition");

        Assert.Equal("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'", message);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("slash/name")]
    public async Task CreateStateMachine_with_a_forbidden_character_answers_InvalidName(string name)
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync("CreateStateMachine",
            $$"""{"name":"{{name}}","definition":{{ApiServer.Quote(ApiServer.PassDefinition)}},"roleArn":"{{Role}}"}""", "InvalidName");

        Assert.Equal($"Invalid Name: '{name}'", message);
    }

    [Fact]
    public async Task CreateStateMachine_with_a_name_longer_than_80_answers_ValidationException()
    {
        await using var server = await ApiServer.StartAsync();
        string name = new('a', 81);

        string message = await server.CallFailsAsync("CreateStateMachine",
            $$"""{"name":"{{name}}","definition":{{ApiServer.Quote(ApiServer.PassDefinition)}},"roleArn":"{{Role}}"}""", "ValidationException");

        Assert.Contains("Member must have length less than or equal to 80", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStateMachine_without_a_definition_answers_ValidationException_naming_the_member()
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync("CreateStateMachine", $$"""{"name":"x","roleArn":"{{Role}}"}""", "ValidationException");

        Assert.Contains("at 'definition'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStateMachine_is_idempotent_for_the_same_settings_ignoring_the_role_and_rejects_a_different_definition()
    {
        await using var server = await ApiServer.StartAsync();
        string first = await server.CreateStateMachineAsync("twice");

        string again = (await server.CallOkAsync("CreateStateMachine",
            $$"""{"name":"twice","definition":{{ApiServer.Quote(ApiServer.PassDefinition)}},"roleArn":"arn:aws:iam::123456789012:role/other"}"""))["stateMachineArn"]!.AsString();
        string role = (await server.CallOkAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{first}}"}"""))["roleArn"]!.AsString();
        string message = await server.CallFailsAsync("CreateStateMachine",
            $$"""{"name":"twice","definition":{{ApiServer.Quote("""{"StartAt":"Q","States":{"Q":{"Type":"Succeed"}}}""")}},"roleArn":"{{Role}}"}""",
            "StateMachineAlreadyExists");

        Assert.Equal(first, again);
        Assert.Equal(Role, role);
        Assert.Equal($"State Machine Already Exists: '{first}'", message);
    }

    [Fact]
    public async Task CreateStateMachine_with_a_version_description_but_no_publish_answers_ValidationException()
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync("CreateStateMachine",
            $$"""{"name":"v","definition":{{ApiServer.Quote(ApiServer.PassDefinition)}},"roleArn":"{{Role}}","versionDescription":"HelloWorld!"}""",
            "ValidationException");

        Assert.Equal("Version description can only be set when publish is true", message);
    }

    [Fact]
    public async Task CreateStateMachine_logging_without_a_destination_answers_InvalidLoggingConfiguration()
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync("CreateStateMachine",
            $$$"""{"name":"l","definition":{{{ApiServer.Quote(ApiServer.PassDefinition)}}},"roleArn":"{{{Role}}}","loggingConfiguration":{"level":"ALL"}}""",
            "InvalidLoggingConfiguration");

        Assert.Equal("Invalid Logging Configuration: Must specify exactly one Log Destination.", message);
    }

    [Fact]
    public async Task CreateStateMachine_with_publish_returns_version_1()
    {
        await using var server = await ApiServer.StartAsync();

        var created = await server.CallOkAsync("CreateStateMachine",
            $$"""{"name":"p","definition":{{ApiServer.Quote(ApiServer.PassDefinition)}},"roleArn":"{{Role}}","publish":true,"versionDescription":"first"}""");

        Assert.Equal(created["stateMachineArn"]!.AsString() + ":1", created["stateMachineVersionArn"]!.AsString());
    }

    [Theory]
    [InlineData("not_a_valid_arn", "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'")]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:a", "Invalid Arn: 'Resource type not valid in this context: activity'")]
    public async Task DescribeStateMachine_with_a_bad_arn_answers_InvalidArn(string arn, string expected)
    {
        await using var server = await ApiServer.StartAsync();

        string message = await server.CallFailsAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""", "InvalidArn");

        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task DescribeStateMachine_of_a_missing_machine_answers_StateMachineDoesNotExist()
    {
        await using var server = await ApiServer.StartAsync();
        const string arn = "arn:aws:states:us-east-1:123456789012:stateMachine:nothing";

        string message = await server.CallFailsAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""", "StateMachineDoesNotExist");

        Assert.Equal($"State Machine Does Not Exist: '{arn}'", message);
    }

    [Fact]
    public async Task UpdateStateMachine_replaces_the_definition_and_a_new_revision_can_be_published()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = await server.CreateStateMachineAsync("u");
        const string next = """{"StartAt":"Q","States":{"Q":{"Type":"Succeed"}}}""";

        var updated = await server.CallOkAsync("UpdateStateMachine",
            $$"""{"stateMachineArn":"{{arn}}","definition":{{ApiServer.Quote(next)}},"publish":true,"versionDescription":"v1"}""");
        var described = await server.CallOkAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""");
        var version = await server.CallOkAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{arn}}:1"}""");

        Assert.Equal(next, described["definition"]!.AsString());
        Assert.Equal(updated["revisionId"]!.AsString(), described["revisionId"]!.AsString());
        Assert.Equal(arn + ":1", updated["stateMachineVersionArn"]!.AsString());
        Assert.Equal("v1", version["description"]!.AsString());
        Assert.Equal(next, version["definition"]!.AsString());
        Assert.NotNull(updated["updateDate"]);
    }

    [Fact]
    public async Task StartExecution_right_after_UpdateStateMachine_and_DeleteStateMachine_sees_each_of_them()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = await server.CreateStateMachineAsync("fresh");
        var first = await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{arn}}"}""");
        const string next = """{"StartAt":"Q","States":{"Q":{"Type":"Pass","Result":"updated","End":true}}}""";

        await server.CallOkAsync("UpdateStateMachine", $$"""{"stateMachineArn":"{{arn}}","definition":{{ApiServer.Quote(next)}}}""");
        var second = await server.CallOkAsync("StartExecution", $$"""{"stateMachineArn":"{{arn}}"}""");
        var ended = await server.Engine.WaitForExecutionAsync(second["executionArn"]!.AsString()).WaitAsync(TimeSpan.FromSeconds(20));
        await server.CallOkAsync("DeleteStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""");
        string message = await server.CallFailsAsync("StartExecution", $$"""{"stateMachineArn":"{{arn}}"}""", "StateMachineDoesNotExist");

        Assert.NotNull(first["executionArn"]);
        Assert.Equal("\"updated\"", ended.Output);
        Assert.Contains(arn, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateStateMachine_without_anything_to_change_answers_MissingRequiredParameter()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = await server.CreateStateMachineAsync("nothing");

        string message = await server.CallFailsAsync("UpdateStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""", "MissingRequiredParameter");

        Assert.Equal("Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified", message);
    }

    [Fact]
    public async Task UpdateStateMachine_through_a_version_arn_answers_StateMachineDoesNotExist()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = await server.CreateStateMachineAsync("versioned");

        string message = await server.CallFailsAsync("UpdateStateMachine",
            $$"""{"stateMachineArn":"{{arn}}:2","definition":{{ApiServer.Quote(ApiServer.PassDefinition)}}}""", "StateMachineDoesNotExist");

        Assert.Equal($"State Machine Does Not Exist: '{arn}:2'", message);
    }

    [Fact]
    public async Task DeleteStateMachine_removes_it_and_deleting_again_succeeds()
    {
        await using var server = await ApiServer.StartAsync();
        string arn = await server.CreateStateMachineAsync("gone");

        await server.CallOkAsync("DeleteStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""");
        await server.CallOkAsync("DeleteStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""");

        await server.CallFailsAsync("DescribeStateMachine", $$"""{"stateMachineArn":"{{arn}}"}""", "StateMachineDoesNotExist");
    }
}
