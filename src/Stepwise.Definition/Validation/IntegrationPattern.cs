namespace Stepwise.Definition.Validation;

/// <summary>The service integration patterns (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html).</summary>
internal enum IntegrationPattern
{
    RequestResponse,
    Sync,
    WaitForTaskToken,
}
