using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.Tests.Configuration;

public sealed class IntegrationsConfigurationTests
{
    private static readonly string s_base = Path.GetTempPath();

    private static IntegrationsConfiguration Read(string json) => IntegrationsConfiguration.Read(JsonValue.Parse(json), s_base);

    [Fact]
    public void A_file_names_functions_endpoints_connections_and_credentials()
    {
        var configuration = Read("""
            {"region": "eu-west-1", "credentials": {"accessKeyId": "AK", "secretAccessKey": "SK"},
             "lambda": {"endpoint": "http://127.0.0.1:3001", "functions": {
                "Greet": {"command": ["python3", "greet.py"], "workingDirectory": "fn", "environment": {"MODE": "test"}},
                "Remote": {"endpoint": "http://127.0.0.1:9000"}}},
             "endpoints": {"dynamodb": "http://127.0.0.1:5000", "EventBridge": "http://127.0.0.1:5001"},
             "http": {"allowedHosts": ["api.example.com"], "connections": {"orders": {"apiKey": {"name": "x-api-key", "value": "k"}}}},
             "port": 8083}
            """);

        Assert.Equal("eu-west-1", configuration.Region);
        Assert.Equal(new AwsCredentials("AK", "SK"), configuration.Credentials);
        Assert.Equal(new Uri("http://127.0.0.1:3001"), configuration.LambdaEndpoint);
        Assert.Equal(["python3", "greet.py"], configuration.Functions["Greet"].Command);
        Assert.Equal(Path.Combine(s_base, "fn"), configuration.Functions["Greet"].WorkingDirectory);
        Assert.Equal("test", configuration.Functions["Greet"].Environment["MODE"]);
        Assert.Equal(new Uri("http://127.0.0.1:9000"), configuration.Functions["Remote"].Endpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), configuration.GetEndpoint("dynamodb"));
        Assert.Equal(new Uri("http://127.0.0.1:5001"), configuration.GetEndpoint("events"));
        Assert.Equal(["api.example.com"], configuration.AllowedHosts);
        Assert.Equal("k", configuration.Connections["orders"].Headers["X-API-KEY"]);
    }

    [Theory]
    [InlineData("""{"lambda": {"functions": {"F": {}}}}""", "'lambda.functions.F' needs exactly one of 'command' and 'endpoint'")]
    [InlineData("""{"lambda": {"functions": {"F": {"command": []}}}}""", "'lambda.functions.F.command' must be a program name or a non-empty array")]
    [InlineData("""{"endpoints": {"sqs": "localhost:9324"}}""", "'endpoints.sqs': 'localhost:9324' is not an absolute http or https URL")]
    [InlineData("""{"credentials": {"accessKeyId": "AK"}}""", "'credentials' needs secretAccessKey")]
    [InlineData("""{"http": {"allowedHosts": "example.com"}}""", "'http.allowedHosts' must be an array")]
    [InlineData("""[]""", "the configuration must be a JSON object")]
    [InlineData("""{"waitTimeScale": "fast"}""", "'waitTimeScale' must be a number, 0 or more")]
    [InlineData("""{"waitTimeScale": -1}""", "'waitTimeScale': '-1' is not a wait time scale")]
    public void A_bad_file_fails_with_a_message_naming_the_key(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => Read(json));

        Assert.StartsWith("stepwise.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_Functions_Local_variables_set_the_endpoints_and_Stepwise_names_win()
    {
        var configuration = Read("""{"endpoints": {"sqs": "http://file:1"}}""");

        configuration.ApplyEnvironment(new Dictionary<string, string>
        {
            ["LAMBDA_ENDPOINT"] = "http://lambda:3001",
            ["SQS_ENDPOINT"] = "http://sfn-local-name:2",
            ["STEPWISE_ENDPOINT_SQS"] = "http://stepwise-name:3",
            ["EVENTBRIDGE_ENDPOINT"] = "http://events:4",
            ["AWS_ACCESS_KEY_ID"] = "AK",
            ["AWS_SECRET_ACCESS_KEY"] = "SK",
            ["AWS_SESSION_TOKEN"] = "T",
            ["AWS_DEFAULT_REGION"] = "ap-south-1",
            ["STEPWISE_HTTP_ALLOWED_HOSTS"] = "a.example, b.example:8080",
            ["SFN_MOCK_CONFIG"] = "mocks.json",
        }, s_base);

        Assert.Equal(new Uri("http://lambda:3001"), configuration.LambdaEndpoint);
        Assert.Equal(new Uri("http://stepwise-name:3"), configuration.GetEndpoint("sqs"));
        Assert.Equal(new Uri("http://events:4"), configuration.GetEndpoint("eventbridge"));
        Assert.Equal(new AwsCredentials("AK", "SK", "T"), configuration.Credentials);
        Assert.Equal("ap-south-1", configuration.Region);
        Assert.Equal(["a.example", "b.example:8080"], configuration.AllowedHosts);
        Assert.Equal(Path.Combine(s_base, "mocks.json"), configuration.MockConfigPath);
    }

    [Fact]
    public void WAIT_TIME_SCALE_wins_over_the_file_s_waitTimeScale_and_STEPWISE_WAIT_TIME_SCALE_over_both()
    {
        var configuration = Read("""{"waitTimeScale": 0.5}""");
        Assert.Equal(0.5, configuration.WaitTimeScale);

        configuration.ApplyEnvironment(new Dictionary<string, string> { ["WAIT_TIME_SCALE"] = "0" }, s_base);
        Assert.Equal(0, configuration.WaitTimeScale);

        configuration.ApplyEnvironment(new Dictionary<string, string> { ["WAIT_TIME_SCALE"] = "0", ["STEPWISE_WAIT_TIME_SCALE"] = "2.5" }, s_base);
        Assert.Equal(2.5, configuration.WaitTimeScale);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-0.5")]
    [InlineData("NaN")]
    public void A_WAIT_TIME_SCALE_that_is_not_a_scale_names_the_variable(string value)
    {
        var configuration = new IntegrationsConfiguration();

        var error = Assert.Throws<FormatException>(() => configuration.ApplyEnvironment(new Dictionary<string, string> { ["WAIT_TIME_SCALE"] = value }, s_base));

        Assert.StartsWith("WAIT_TIME_SCALE: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a wait time scale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_environment_value_names_the_variable()
    {
        var configuration = new IntegrationsConfiguration();

        var error = Assert.Throws<FormatException>(() => configuration.ApplyEnvironment(new Dictionary<string, string> { ["LAMBDA_ENDPOINT"] = "localhost:3001" }, s_base));

        Assert.Equal("LAMBDA_ENDPOINT: 'localhost:3001' is not an absolute http or https URL.", error.Message);
    }

    [Fact]
    public void The_s3_section_sets_the_endpoint_and_a_local_root_relative_to_the_file()
    {
        var configuration = Read("""{"s3": {"endpoint": "http://127.0.0.1:5002", "localRoot": "data"}}""");

        Assert.Equal(new Uri("http://127.0.0.1:5002"), configuration.GetEndpoint("s3"));
        Assert.Equal(Path.Combine(s_base, "data"), configuration.S3LocalRoot);
    }

    [Fact]
    public void S3_variables_set_the_endpoint_and_the_local_root_and_the_Stepwise_name_wins()
    {
        var configuration = new IntegrationsConfiguration();

        configuration.ApplyEnvironment(new Dictionary<string, string>
        {
            ["S3_ENDPOINT"] = "http://127.0.0.1:1",
            ["STEPWISE_S3_ENDPOINT"] = "http://127.0.0.1:2",
            ["STEPWISE_S3_LOCAL_ROOT"] = "items",
        }, s_base);

        Assert.Equal(new Uri("http://127.0.0.1:2"), configuration.GetEndpoint("s3"));
        Assert.Equal(Path.Combine(s_base, "items"), configuration.S3LocalRoot);
    }
}
