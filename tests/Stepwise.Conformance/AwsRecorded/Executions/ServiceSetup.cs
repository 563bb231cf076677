using System.Text.RegularExpressions;
using Stepwise.Json;
using Stepwise.Testing;

namespace Stepwise.Conformance.AwsRecorded.Executions;

/// <summary>
/// Creates in moto the queues, topics and tables a recorded case's definition and input name, as the recording test
/// created them on AWS before the execution. Resources a case expects to be missing (its expected error says the
/// topic or table does not exist) are left uncreated.
/// </summary>
internal static partial class ServiceSetup
{
    /// <summary>The services the runner forwards to moto; a case whose needs are only these (and Lambda mocks) is in scope.</summary>
    public static bool IsServiceNeed(string need) =>
        need is "sqs" or "sns" or "dynamodb" or "eventbridge" or "aws-sdk integration" || need.StartsWith("aws-sdk:dynamodb:", StringComparison.Ordinal);

    public static async Task CreateResourcesAsync(MotoServer moto, JsonObject recorded)
    {
        string expectedError = recorded["expected"]?.AsObject()["error"] is JsonString e ? e.Value : string.Empty;
        var strings = new List<(string Key, string Value)>();
        Collect(null, recorded["definition"], strings);
        Collect(null, recorded["input"], strings);
        foreach (var (key, value) in strings)
        {
            if (QueueUrl().Match(value) is { Success: true } queue)
            {
                string name = queue.Groups[1].Value;
                string attributes = name.EndsWith(".fifo", StringComparison.Ordinal) ? """, "Attributes": {"FifoQueue": "true"}""" : "";
                await moto.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", $$"""{"QueueName": "{{name}}"{{attributes}}}""");
            }
            else if (TopicArn().Match(value) is { Success: true } topic && expectedError != "SNS.NotFoundException")
            {
                string name = topic.Groups[1].Value;
                string fifo = name.EndsWith(".fifo", StringComparison.Ordinal) ? "&Attributes.entry.1.key=FifoTopic&Attributes.entry.1.value=true" : "";
                await moto.CallQueryAsync("sns", "CreateTopic", "2010-03-31", "Name=" + Uri.EscapeDataString(name) + fifo);
            }
            else if (key == "TableName" && !expectedError.EndsWith("ResourceNotFoundException", StringComparison.Ordinal) && TableName().IsMatch(value))
            {
                await CreateTableAsync(moto, value, recorded);
            }
        }
    }

    /// <summary>A table keyed by the attributes of the case's <c>Key</c> (the recording tests key their tables by <c>id</c>).</summary>
    private static async Task CreateTableAsync(MotoServer moto, string name, JsonObject recorded)
    {
        var key = recorded["input"] is JsonObject input && input["Key"] is JsonObject k ? k : JsonObject.Create(("id", (JsonValue)JsonObject.Create(("S", (JsonValue)""))));
        var schema = new List<string>();
        var definitions = new List<string>();
        for (int i = 0; i < key.Count; i++)
        {
            string type = key.Values[i] is JsonObject typed && typed.Count == 1 ? typed.Keys[0] : "S";
            schema.Add($$"""{"AttributeName": "{{key.Keys[i]}}", "KeyType": "{{(i == 0 ? "HASH" : "RANGE")}}"}""");
            definitions.Add($$"""{"AttributeName": "{{key.Keys[i]}}", "AttributeType": "{{type}}"}""");
        }

        try
        {
            await moto.CallJsonAsync("dynamodb", "DynamoDB_20120810.CreateTable",
                $$"""{"TableName": "{{name}}", "KeySchema": [{{string.Join(',', schema)}}], "AttributeDefinitions": [{{string.Join(',', definitions)}}], "BillingMode": "PAY_PER_REQUEST"}""");
        }
        catch (InvalidOperationException e) when (e.Message.Contains("ResourceInUseException", StringComparison.Ordinal))
        {
            // Another case created it already; the shared moto keeps its tables.
        }
    }

    private static void Collect(string? key, JsonValue? value, List<(string, string)> strings)
    {
        switch (value)
        {
            case JsonString s when key is not null:
                strings.Add((key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key, s.Value));
                break;
            case JsonObject obj:
                foreach (var (k, v) in obj)
                {
                    Collect(k, v, strings);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(key, item, strings);
                }

                break;
        }
    }

    [GeneratedRegex(@"^https://sqs\.[a-z0-9-]+\.amazonaws\.com/\d{12}/([A-Za-z0-9_.-]+)$")]
    private static partial Regex QueueUrl();

    [GeneratedRegex(@"^arn:aws:sns:[a-z0-9-]+:\d{12}:([A-Za-z0-9_.-]+)$")]
    private static partial Regex TopicArn();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableName();
}
