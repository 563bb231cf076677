namespace Stepwise.Integrations.Aws;

/// <summary>
/// What Stepwise knows of one AWS service to call it and to name its errors as Step Functions does:
/// <paramref name="OptimizedPrefix"/> and <paramref name="JavaV1Name"/> for the optimized integrations (AWS runs them on
/// the Java SDK v1: <c>DynamoDB.AmazonDynamoDBException</c>, "Service: AmazonDynamoDBv2; …"), <paramref name="SdkV2Name"/>
/// for <c>aws-sdk:*</c> (the Java SDK v2: <c>DynamoDb.DynamoDbException</c>, "Service: DynamoDb, …"), and the error
/// codes the SDKs model as their own exception classes (the others become the service's generic exception).
/// <paramref name="CamelCaseMembers"/> marks a service whose wire names are camelCase (ECS, CodeBuild) while ASL spells
/// the optimized integrations' parameters and results in PascalCase, as the Java SDK's models name them.
/// </summary>
internal sealed record AwsService(
    string Key,
    string SigningName,
    AwsProtocol Protocol,
    string Target,
    string Version,
    string OptimizedPrefix,
    string JavaV1Name,
    string SdkV2Name,
    IReadOnlySet<string>? ModeledErrors,
    bool CamelCaseMembers = false)
{
    private static readonly Dictionary<string, AwsService> s_services = Create();

    /// <summary>The service an ARN or SDK names (<c>dynamodb</c>, <c>sqs</c>, <c>eventbridge</c>…), or null when Stepwise cannot speak its protocol.</summary>
    public static AwsService? Find(string name) =>
        s_services.TryGetValue(Configuration.IntegrationsConfiguration.ServiceKey(name), out var service) ? service : null;

    /// <summary>The exception class an SDK throws for <paramref name="code"/> (null set: every code is modeled).</summary>
    public string ExceptionName(string code, bool sdkV2)
    {
        string bare = code.EndsWith("Exception", StringComparison.Ordinal) ? code[..^"Exception".Length] : code;
        if (ModeledErrors is null || ModeledErrors.Contains(bare))
        {
            return bare + "Exception";
        }

        return sdkV2 ? SdkV2Name + "Exception" : JavaV1Name.Replace("v2", string.Empty, StringComparison.Ordinal) + "Exception";
    }

    private static Dictionary<string, AwsService> Create()
    {
        var services = new Dictionary<string, AwsService>(StringComparer.Ordinal);
        void Add(AwsService service) => services[service.Key] = service;

        Add(new("dynamodb", "dynamodb", AwsProtocol.Json, "DynamoDB_20120810", "1.0", "DynamoDB", "AmazonDynamoDBv2", "DynamoDb", Set(
            "ConditionalCheckFailed", "ProvisionedThroughputExceeded", "ResourceNotFound", "ItemCollectionSizeLimitExceeded",
            "TransactionConflict", "TransactionCanceled", "TransactionInProgress", "IdempotentParameterMismatch", "RequestLimitExceeded",
            "InternalServerError", "ResourceInUse", "LimitExceeded", "TableNotFound", "TableAlreadyExists", "TableInUse",
            "BackupNotFound", "BackupInUse", "ContinuousBackupsUnavailable", "GlobalTableNotFound", "IndexNotFound",
            "PointInTimeRecoveryUnavailable", "DuplicateItem", "ReplicaNotFound", "ReplicaAlreadyExists", "InvalidRestoreTime",
            "ExportNotFound", "ImportNotFound", "PolicyNotFound")));
        Add(new("sqs", "sqs", AwsProtocol.Json, "AmazonSQS", "1.0", "SQS", "AmazonSQS", "Sqs", Set(
            "QueueDoesNotExist", "InvalidMessageContents", "UnsupportedOperation", "OverLimit", "QueueDeletedRecently",
            "QueueNameExists", "ReceiptHandleIsInvalid", "PurgeQueueInProgress", "BatchEntryIdsNotDistinct", "BatchRequestTooLong",
            "EmptyBatchRequest", "InvalidBatchEntryId", "TooManyEntriesInBatchRequest", "InvalidAttributeName", "InvalidAttributeValue",
            "InvalidIdFormat", "MessageNotInflight", "RequestThrottled", "InvalidAddress", "InvalidSecurity",
            "KmsAccessDenied", "KmsDisabled", "KmsInvalidKeyUsage", "KmsInvalidState", "KmsNotFound", "KmsOptInRequired", "KmsThrottled")));
        // Every SNS error code is a modeled exception (NotFound → NotFoundException).
        Add(new("sns", "sns", AwsProtocol.Query, "", "2010-03-31", "SNS", "AmazonSNS", "Sns", null));
        Add(new("events", "events", AwsProtocol.Json, "AWSEvents", "1.1", "EventBridge", "AmazonEventBridge", "EventBridge", Set(
            "ResourceNotFound", "Internal", "ConcurrentModification", "InvalidEventPattern", "LimitExceeded", "ManagedRule",
            "OperationDisabled", "PolicyLengthExceeded", "ResourceAlreadyExists", "InvalidState", "IllegalStatus", "AccessDenied", "Throttling")));
        Add(new("secretsmanager", "secretsmanager", AwsProtocol.Json, "secretsmanager", "1.1", "SecretsManager", "AWSSecretsManager", "SecretsManager", Set(
            "ResourceNotFound", "InvalidParameter", "InvalidRequest", "InvalidNextToken", "ResourceExists", "LimitExceeded",
            "MalformedPolicyDocument", "PreconditionNotMet", "DecryptionFailure", "EncryptionFailure", "InternalServiceError",
            "PublicPolicy")));
        Add(new("kinesis", "kinesis", AwsProtocol.Json, "Kinesis_20131202", "1.1", "Kinesis", "AmazonKinesis", "Kinesis", Set(
            "ResourceNotFound", "ResourceInUse", "InvalidArgument", "LimitExceeded", "ProvisionedThroughputExceeded", "ExpiredIterator")));
        Add(new("logs", "logs", AwsProtocol.Json, "Logs_20140328", "1.1", "CloudWatchLogs", "AWSLogs", "CloudWatchLogs", Set(
            "ResourceNotFound", "ResourceAlreadyExists", "InvalidParameter", "LimitExceeded", "ServiceUnavailable", "InvalidSequenceToken",
            "DataAlreadyAccepted", "OperationAborted")));
        Add(new("ssm", "ssm", AwsProtocol.Json, "AmazonSSM", "1.1", "Ssm", "AWSSimpleSystemsManagement", "Ssm", Set(
            "ParameterNotFound", "ParameterAlreadyExists", "ParameterLimitExceeded", "InternalServerError", "InvalidKeyId",
            "TooManyUpdates", "ParameterVersionNotFound", "HierarchyLevelLimitExceeded", "HierarchyTypeMismatch")));
        Add(new("kms", "kms", AwsProtocol.Json, "TrentService", "1.1", "Kms", "AWSKMS", "Kms", Set(
            "NotFound", "DisabledException", "InvalidKeyUsage", "KMSInvalidState", "InvalidCiphertext", "InvalidGrantToken",
            "DependencyTimeout", "KMSInternal", "KeyUnavailable", "IncorrectKey", "AlreadyExists", "LimitExceeded")));
        Add(new("states", "states", AwsProtocol.Json, "AWSStepFunctions", "1.0", "StepFunctions", "AWSStepFunctions", "Sfn", Set(
            "ExecutionDoesNotExist", "ExecutionAlreadyExists", "ExecutionLimitExceeded", "InvalidArn", "InvalidExecutionInput",
            "InvalidName", "StateMachineDoesNotExist", "StateMachineDeleting", "TaskDoesNotExist", "TaskTimedOut", "InvalidToken",
            "InvalidOutput", "ActivityDoesNotExist", "ResourceNotFound", "Validation")));
        // The services of the .sync integrations (SyncJobs).
        Add(new("ecs", "ecs", AwsProtocol.Json, "AmazonEC2ContainerServiceV20141113", "1.1", "ECS", "AmazonECS", "Ecs", Set(
            "ClusterNotFound", "InvalidParameter", "Client", "Server", "AccessDenied", "PlatformUnknown",
            "PlatformTaskDefinitionIncompatibility", "UnsupportedFeature", "Blocked", "ServiceNotFound", "ServiceNotActive"), CamelCaseMembers: true));
        Add(new("glue", "glue", AwsProtocol.Json, "AWSGlue", "1.1", "Glue", "AWSGlue", "Glue", Set(
            "EntityNotFound", "InvalidInput", "ConcurrentRunsExceeded", "InternalService", "OperationTimeout",
            "ResourceNumberLimitExceeded", "AccessDenied")));
        Add(new("codebuild", "codebuild", AwsProtocol.Json, "CodeBuild_20161006", "1.1", "CodeBuild", "AWSCodeBuild", "CodeBuild", Set(
            "ResourceNotFound", "InvalidInput", "AccountLimitExceeded", "ResourceAlreadyExists"), CamelCaseMembers: true));
        // Batch speaks REST-JSON (POST /v1/submitjob…); ClientException and ServerException are all it models.
        Add(new("batch", "batch", AwsProtocol.RestJson, "", "", "Batch", "AWSBatch", "Batch", Set("Client", "Server"), CamelCaseMembers: true));
        Add(new("athena", "athena", AwsProtocol.Json, "AmazonAthena", "1.1", "Athena", "AmazonAthena", "Athena", Set(
            "InvalidRequest", "InternalServer", "TooManyRequests", "ResourceNotFound")));
        return services;
    }

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);
}
