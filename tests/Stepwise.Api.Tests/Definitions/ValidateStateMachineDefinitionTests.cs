using Stepwise.Json;

namespace Stepwise.Api.Tests.Definitions;

public sealed class ValidateStateMachineDefinitionTests
{
    private static string Request(string definition, string extra = "") =>
        $$"""{"definition":{{JsonText.Quote(definition)}}{{extra}}}""";

    [Fact]
    public async Task A_valid_definition_answers_OK_with_no_diagnostics()
    {
        await using var server = await ApiServer.StartAsync();

        var (status, body) = await server.CallAsync("ValidateStateMachineDefinition",
            Request("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"""));

        Assert.Equal(200, status);
        Assert.Equal("OK", body["result"]!.AsString());
        Assert.Empty(body["diagnostics"]!.AsArray());
        Assert.False(body["truncated"]!.AsBoolean());
    }

    [Fact]
    public async Task A_missing_StartAt_answers_FAIL_with_the_diagnostic_and_its_location()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, body) = await server.CallAsync("ValidateStateMachineDefinition",
            Request("""{"States":{"P":{"Type":"Pass","End":true}}}"""));

        Assert.Equal("FAIL", body["result"]!.AsString());
        var diagnostic = body["diagnostics"]!.AsArray()[0].AsObject();
        Assert.Equal("ERROR", diagnostic["severity"]!.AsString());
        Assert.Equal("SCHEMA_VALIDATION_FAILED", diagnostic["code"]!.AsString());
        Assert.Equal("These fields are required: [StartAt]", diagnostic["message"]!.AsString());
        Assert.Equal("/", diagnostic["location"]!.AsString());
    }

    [Fact]
    public async Task Text_that_is_not_JSON_answers_FAIL_with_INVALID_JSON_DESCRIPTION()
    {
        await using var server = await ApiServer.StartAsync();

        var (_, body) = await server.CallAsync("ValidateStateMachineDefinition", Request("not a definition"));

        Assert.Equal("FAIL", body["result"]!.AsString());
        Assert.Equal("INVALID_JSON_DESCRIPTION", body["diagnostics"]!.AsArray()[0].AsObject()["code"]!.AsString());
    }

    [Fact]
    public async Task An_EXPRESS_type_rejects_waitForTaskToken_that_STANDARD_accepts()
    {
        await using var server = await ApiServer.StartAsync();
        const string definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
             "Parameters":{"QueueUrl":"q","MessageBody":{"TaskToken.$":"$$.Task.Token"}},"End":true}}}
            """;

        var (_, standard) = await server.CallAsync("ValidateStateMachineDefinition", Request(definition));
        var (_, express) = await server.CallAsync("ValidateStateMachineDefinition", Request(definition, ""","type":"EXPRESS" """));

        Assert.Equal("OK", standard["result"]!.AsString());
        Assert.Equal("FAIL", express["result"]!.AsString());
        Assert.Equal("/States/T/Resource", express["diagnostics"]!.AsArray()[0].AsObject()["location"]!.AsString());
    }

    [Fact]
    public async Task MaxResults_cuts_the_diagnostics_and_sets_truncated()
    {
        await using var server = await ApiServer.StartAsync();
        const string definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"},"B":{"Type":"Pass","Next":"Y"}}}""";

        var (_, all) = await server.CallAsync("ValidateStateMachineDefinition", Request(definition));
        var (_, one) = await server.CallAsync("ValidateStateMachineDefinition", Request(definition, ""","maxResults":1"""));

        Assert.True(all["diagnostics"]!.AsArray().Count > 1);
        Assert.False(all["truncated"]!.AsBoolean());
        Assert.Single(one["diagnostics"]!.AsArray());
        Assert.True(one["truncated"]!.AsBoolean());
    }

    [Fact]
    public async Task Warnings_are_returned_only_when_severity_is_WARNING()
    {
        await using var server = await ApiServer.StartAsync();
        // JSONata's ?? operator is newer than AWS's JSONata: the validator warns about it.
        const string definition = """
            {"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.a ?? 1 %}","End":true}}}
            """;

        var (_, errorsOnly) = await server.CallAsync("ValidateStateMachineDefinition", Request(definition));
        var (_, withWarnings) = await server.CallAsync("ValidateStateMachineDefinition", Request(definition, ""","severity":"WARNING" """));

        Assert.Equal("OK", errorsOnly["result"]!.AsString());
        Assert.Empty(errorsOnly["diagnostics"]!.AsArray());
        Assert.Equal("OK", withWarnings["result"]!.AsString());
        Assert.Equal("WARNING", withWarnings["diagnostics"]!.AsArray()[0].AsObject()["severity"]!.AsString());
    }

    [Theory]
    [InlineData("""{"type":"STANDARD"}""", "'definition'")]
    [InlineData("""{"definition":"{}","type":"BATCH"}""", "'type'")]
    [InlineData("""{"definition":"{}","severity":"INFO"}""", "'severity'")]
    [InlineData("""{"definition":"{}","maxResults":101}""", "'maxResults'")]
    public async Task A_bad_parameter_answers_ValidationException_naming_it(string body, string member)
    {
        await using var server = await ApiServer.StartAsync();

        var (status, error) = await server.CallAsync("ValidateStateMachineDefinition", body);

        Assert.Equal(400, status);
        Assert.Equal("com.amazonaws.states#ValidationException", error["__type"]!.AsString());
        Assert.Contains(member, error["message"]!.AsString(), StringComparison.Ordinal);
    }
}
