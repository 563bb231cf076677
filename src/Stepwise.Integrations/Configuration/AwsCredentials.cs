namespace Stepwise.Integrations.Configuration;

/// <summary>
/// The AWS credentials requests to Lambda and service endpoints are signed with (Signature Version 4). Without
/// credentials requests are signed with a placeholder key, which local stand-ins (moto, LocalStack, SAM local) accept.
/// </summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);
