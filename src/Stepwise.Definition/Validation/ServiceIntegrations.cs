namespace Stepwise.Definition.Validation;

/// <summary>
/// The optimized integrations whose action lists are closed, from AWS's per-service pages
/// (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html). AWS rejects any other action of
/// these services at definition time (recorded: <c>dynamodb:query</c>). Services not listed here are accepted as
/// written: AWS knows more services than this table, and rejecting a valid definition is worse than missing a typo.
/// </summary>
internal static class ServiceIntegrations
{
    public static bool IsKnown(string service, string action) => service switch
    {
        "aws-sdk" => action.Contains(':', StringComparison.Ordinal),
        "lambda" => action == "invoke",
        "dynamodb" => action is "getItem" or "putItem" or "updateItem" or "deleteItem",
        "sns" => action == "publish",
        "sqs" => action == "sendMessage",
        "states" => action is "startExecution",
        "events" => action == "putEvents",
        "apigateway" => action == "invoke",
        "http" => action == "invoke",
        "glue" => action == "startJobRun",
        "batch" => action == "submitJob",
        "ecs" => action == "runTask",
        "s3" => action is "getObject" or "listObjectsV2" or "putObject",
        _ => true,
    };

    /// <summary>
    /// The request fields an optimized integration cannot run without; AWS checks them at definition time when the
    /// Parameters (or Arguments) are a literal object. Empty when the action has no fixed requirement.
    /// </summary>
    public static ReadOnlySpan<string> RequiredArguments(string service, string action) => (service, action) switch
    {
        ("lambda", "invoke") => s_functionName,
        ("sqs", "sendMessage") => s_queueMessage,
        ("states", "startExecution") => s_stateMachine,
        ("dynamodb", "getItem" or "deleteItem" or "updateItem") => s_tableKey,
        ("dynamodb", "putItem") => s_tableItem,
        ("events", "putEvents") => s_entries,
        _ => default,
    };

    private static readonly string[] s_functionName = ["FunctionName"];
    private static readonly string[] s_queueMessage = ["QueueUrl", "MessageBody"];
    private static readonly string[] s_stateMachine = ["StateMachineArn"];
    private static readonly string[] s_tableKey = ["TableName", "Key"];
    private static readonly string[] s_tableItem = ["TableName", "Item"];
    private static readonly string[] s_entries = ["Entries"];
}
