using Stepwise.Hosting;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.Testing;

namespace Stepwise.Integrations.Tests.Aws;

/// <summary>AWS service integrations forwarded to moto_server, the local stand-in, as an operator would configure them.</summary>
public sealed class ServiceIntegrationTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private async Task<ExecutionResult> RunAsync(string resource, string parameters)
    {
        var configuration = new IntegrationsConfiguration();
        foreach (string service in new[] { "dynamodb", "sqs", "sns", "events", "secretsmanager" })
        {
            configuration.SetEndpoint(service, moto.Endpoint);
        }

        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = configuration });
        var definition = JsonValue.Parse("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"" + resource + "\", \"Parameters\": " + parameters + ", \"End\": true}}}");
        return await engine.RunAsync(definition, JsonObject.Empty);
    }

    private async Task<string> CreateTableAsync()
    {
        string table = "t" + Guid.NewGuid().ToString("N");
        await moto.CallJsonAsync("dynamodb", "DynamoDB_20120810.CreateTable", """
            {"TableName": "@table", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
             "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}
            """.Replace("@table", table, StringComparison.Ordinal));
        return table;
    }

    [Fact]
    public async Task DynamoDB_putItem_then_getItem_returns_the_item_with_AWSs_response_metadata()
    {
        string table = await CreateTableAsync();
        var put = await RunAsync("arn:aws:states:::dynamodb:putItem", """{"TableName": "@table", "Item": {"id": {"S": "1"}, "name": {"S": "Ada"}}}""".Replace("@table", table, StringComparison.Ordinal));
        Assert.Equal(ExecutionStatus.Succeeded, put.Status);
        Assert.Equal(["SdkHttpMetadata", "SdkResponseMetadata"], put.Output!.AsObject().Keys.ToArray());
        Assert.Equal("\"2\"", put.Output!.AsObject()["SdkHttpMetadata"]!.AsObject()["HttpHeaders"]!.AsObject()["Content-Length"]!.ToJsonString());

        var get = await RunAsync("arn:aws:states:::dynamodb:getItem", """{"TableName": "@table", "Key": {"id": {"S": "1"}}}""".Replace("@table", table, StringComparison.Ordinal));

        Assert.Equal(ExecutionStatus.Succeeded, get.Status);
        Assert.Equal("""{"S":"Ada"}""", get.Output!.AsObject()["Item"]!.AsObject()["name"]!.ToJsonString());
        Assert.Equal(200, get.Output!.AsObject()["SdkHttpMetadata"]!.AsObject()["HttpStatusCode"]!.AsNumber().ToDouble());
    }

    [Fact]
    public async Task DynamoDB_updateItem_deleteItem_and_aws_sdk_query_and_scan_work()
    {
        string table = await CreateTableAsync();
        await RunAsync("arn:aws:states:::dynamodb:putItem", """{"TableName": "@table", "Item": {"id": {"S": "1"}, "n": {"N": "1"}}}""".Replace("@table", table, StringComparison.Ordinal));

        var update = await RunAsync("arn:aws:states:::dynamodb:updateItem", """
            {"TableName": "@table", "Key": {"id": {"S": "1"}}, "UpdateExpression": "SET n = :n", "ExpressionAttributeValues": {":n": {"N": "2"}}, "ReturnValues": "ALL_NEW"}
            """.Replace("@table", table, StringComparison.Ordinal));
        var query = await RunAsync("arn:aws:states:::aws-sdk:dynamodb:query", """
            {"TableName": "@table", "KeyConditionExpression": "id = :id", "ExpressionAttributeValues": {":id": {"S": "1"}}}
            """.Replace("@table", table, StringComparison.Ordinal));
        var delete = await RunAsync("arn:aws:states:::dynamodb:deleteItem", """{"TableName": "@table", "Key": {"id": {"S": "1"}}}""".Replace("@table", table, StringComparison.Ordinal));
        var scan = await RunAsync("arn:aws:states:::aws-sdk:dynamodb:scan", """{"TableName": "@table"}""".Replace("@table", table, StringComparison.Ordinal));

        Assert.Equal("""{"N":"2"}""", update.Output!.AsObject()["Attributes"]!.AsObject()["n"]!.ToJsonString());
        Assert.Equal(1, query.Output!.AsObject()["Count"]!.AsNumber().ToDouble());
        Assert.False(query.Output!.AsObject().ContainsKey("SdkHttpMetadata"));
        Assert.Equal(ExecutionStatus.Succeeded, delete.Status);
        Assert.Equal(0, scan.Output!.AsObject()["Count"]!.AsNumber().ToDouble());
    }

    [Fact]
    public async Task A_missing_table_is_named_as_each_integration_style_names_it()
    {
        var optimized = await RunAsync("arn:aws:states:::dynamodb:putItem", """{"TableName": "missing", "Item": {"id": {"S": "1"}}}""");
        var sdk = await RunAsync("arn:aws:states:::aws-sdk:dynamodb:putItem", """{"TableName": "missing", "Item": {"id": {"S": "1"}}}""");

        Assert.Equal("DynamoDB.ResourceNotFoundException", optimized.Error);
        Assert.Matches(@"^Requested resource not found \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: .+; Proxy: null\)$", optimized.Cause);
        Assert.Equal("DynamoDb.ResourceNotFoundException", sdk.Error);
        Assert.Matches(@"^Requested resource not found \(Service: DynamoDb, Status Code: 400, Request ID: .+\)$", sdk.Cause);
    }

    [Fact]
    public async Task A_failed_condition_is_DynamoDB_ConditionalCheckFailedException()
    {
        string table = await CreateTableAsync();
        var result = await RunAsync("arn:aws:states:::dynamodb:putItem",
            """{"TableName": "@table", "Item": {"id": {"S": "1"}}, "ConditionExpression": "attribute_exists(id)"}""".Replace("@table", table, StringComparison.Ordinal));

        Assert.Equal("DynamoDB.ConditionalCheckFailedException", result.Error);
        Assert.Contains("Error Code: ConditionalCheckFailedException;", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SQS_sendMessage_sends_JSON_bodies_as_text()
    {
        string queueUrl = JsonValue.Parse(await moto.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", """{"QueueName": "q1"}""")).AsObject()["QueueUrl"]!.AsString();

        var result = await RunAsync("arn:aws:states:::sqs:sendMessage", """{"QueueUrl": "@queueUrl", "MessageBody": {"order": 7}}""".Replace("@queueUrl", queueUrl, StringComparison.Ordinal));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var output = result.Output!.AsObject();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("""{"order":7}"""u8)), output["MD5OfMessageBody"]!.AsString());
        var received = JsonValue.Parse(await moto.CallJsonAsync("sqs", "AmazonSQS.ReceiveMessage", """{"QueueUrl": "@queueUrl"}""".Replace("@queueUrl", queueUrl, StringComparison.Ordinal))).AsObject();
        Assert.Equal("""{"order":7}""", received["Messages"]!.AsArray()[0].AsObject()["Body"]!.AsString());
    }

    [Fact]
    public async Task SNS_publish_speaks_the_query_protocol_and_names_a_missing_topic_SNS_NotFoundException()
    {
        string created = await moto.CallQueryAsync("sns", "CreateTopic", "2010-03-31", "Name=topic1");
        string topicArn = created[(created.IndexOf("<TopicArn>", StringComparison.Ordinal) + 10)..created.IndexOf("</TopicArn>", StringComparison.Ordinal)];

        var published = await RunAsync("arn:aws:states:::sns:publish", """{"TopicArn": "@topicArn", "Message": {"hello": "world"}, "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "greeting"}}}""".Replace("@topicArn", topicArn, StringComparison.Ordinal));
        var missing = await RunAsync("arn:aws:states:::sns:publish", """{"TopicArn": "arn:aws:sns:us-east-1:111111111111:nope", "Message": "hi"}""");

        Assert.Equal(ExecutionStatus.Succeeded, published.Status);
        Assert.Equal(36, published.Output!.AsObject()["MessageId"]!.AsString().Length);
        Assert.Equal("\"text/xml\"", published.Output!.AsObject()["SdkHttpMetadata"]!.AsObject()["HttpHeaders"]!.AsObject()["Content-Type"]!.ToJsonString());
        Assert.Equal("SNS.NotFoundException", missing.Error);
        Assert.Contains("(Service: AmazonSNS; Status Code: 404; Error Code: NotFound;", missing.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventBridge_putEvents_fails_the_task_with_the_failed_entries()
    {
        var ok = await RunAsync("arn:aws:states:::events:putEvents", """{"Entries": [{"Detail": {"a": 1}, "DetailType": "t", "Source": "s"}]}""");
        var failed = await RunAsync("arn:aws:states:::events:putEvents", """{"Entries": [{"Detail": {"a": 1}, "DetailType": "t"}]}""");

        Assert.Equal(0, ok.Output!.AsObject()["FailedEntryCount"]!.AsNumber().ToDouble());
        Assert.Equal("EventBridge.FailedEntry", failed.Error);
        Assert.Equal(1, JsonValue.Parse(failed.Cause!).AsObject()["FailedEntryCount"]!.AsNumber().ToDouble());
    }

    [Fact]
    public async Task A_generic_aws_sdk_call_reaches_any_known_JSON_protocol_service()
    {
        var created = await RunAsync("arn:aws:states:::aws-sdk:secretsmanager:createSecret", """{"Name": "db-password", "SecretString": "s3cret"}""");
        var read = await RunAsync("arn:aws:states:::aws-sdk:secretsmanager:getSecretValue", """{"SecretId": "db-password"}""");

        Assert.Equal(ExecutionStatus.Succeeded, created.Status);
        Assert.Equal("s3cret", read.Output!.AsObject()["SecretString"]!.AsString());
    }

    [Fact]
    public async Task A_service_without_an_endpoint_fails_with_a_message_saying_how_to_configure_it()
    {
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Integrations = new IntegrationsConfiguration() });
        var result = await engine.RunAsync(JsonValue.Parse("""{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "q", "MessageBody": "x"}, "End": true}}}"""), JsonObject.Empty);

        Assert.Equal("SQS.SdkClientException", result.Error);
        Assert.Equal("No endpoint is configured for the service 'sqs': set endpoints.sqs in stepwise.json or STEPWISE_ENDPOINT_SQS.", result.Cause);
    }
}
