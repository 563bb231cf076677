namespace Stepwise.Integrations.Configuration;

/// <summary>The environment variables <see cref="IntegrationsConfiguration.ApplyEnvironment"/> reads.</summary>
internal static class EnvironmentNames
{
    public const string EndpointPrefix = "STEPWISE_ENDPOINT_";
    public const string LambdaEndpoint = "LAMBDA_ENDPOINT";
    public const string StepwiseLambdaEndpoint = "STEPWISE_LAMBDA_ENDPOINT";
    public const string AllowedHosts = "STEPWISE_HTTP_ALLOWED_HOSTS";
    public const string WaitTimeScale = "WAIT_TIME_SCALE";
    public const string StepwiseWaitTimeScale = "STEPWISE_WAIT_TIME_SCALE";
    public const string MockConfig = "SFN_MOCK_CONFIG";
    public const string StepwiseS3Endpoint = "STEPWISE_S3_ENDPOINT";
    public const string S3LocalRoot = "STEPWISE_S3_LOCAL_ROOT";

    /// <summary>
    /// The service of a Step Functions Local endpoint variable (<c>SQS_ENDPOINT</c> → <c>sqs</c>), or null. These are
    /// the names the Step Functions Local developer guide lists.
    /// </summary>
    public static string? StepFunctionsLocalEndpoint(string name) => name switch
    {
        "SQS_ENDPOINT" => "sqs",
        "SNS_ENDPOINT" => "sns",
        "DYNAMODB_ENDPOINT" => "dynamodb",
        "EVENTBRIDGE_ENDPOINT" => "events",
        "BATCH_ENDPOINT" => "batch",
        "ECS_ENDPOINT" => "ecs",
        "GLUE_ENDPOINT" => "glue",
        "SAGE_MAKER_ENDPOINT" => "sagemaker",
        "STEP_FUNCTIONS_ENDPOINT" => "states",
        "S3_ENDPOINT" => "s3",
        _ => null,
    };
}
