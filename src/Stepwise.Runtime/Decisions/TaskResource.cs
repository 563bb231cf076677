namespace Stepwise.Runtime.Decisions;

/// <summary>
/// A Task state's <c>Resource</c> as the history names it. A bare Lambda function ARN records LambdaFunction*
/// events; anything else records Task* events with <c>resourceType</c>/<c>resource</c> split from the
/// <c>arn:aws:states:::</c> service ARN (<c>lambda</c>/<c>invoke</c>, <c>sqs</c>/<c>sendMessage.waitForTaskToken</c>).
/// </summary>
internal sealed record TaskResource(string Arn, bool IsLambdaFunction, bool IsActivity, string ResourceType, string Resource, bool WaitsForTaskToken)
{
    private const string ServicePrefix = ":states:::";

    public static TaskResource Parse(string arn)
    {
        // arn:aws:lambda:region:account:function:name[:qualifier]
        if (arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Contains(":lambda:", StringComparison.Ordinal)
            && arn.Contains(":function:", StringComparison.Ordinal))
        {
            return new TaskResource(arn, true, false, "lambda", arn, false);
        }

        if (arn.Contains(":activity:", StringComparison.Ordinal))
        {
            return new TaskResource(arn, false, true, "activity", arn, false);
        }

        int service = arn.IndexOf(ServicePrefix, StringComparison.Ordinal);
        if (service >= 0)
        {
            string rest = arn[(service + ServicePrefix.Length)..];
            // A version suffix belongs to the resource: "states:startExecution.sync:2" is type "states", resource "startExecution.sync:2".
            int lastColon = rest.EndsWith(".sync:2", StringComparison.Ordinal) ? rest.LastIndexOf(':', rest.Length - 3) : rest.LastIndexOf(':');
            string type = lastColon > 0 ? rest[..lastColon] : rest;
            string resource = lastColon > 0 ? rest[(lastColon + 1)..] : rest;
            return new TaskResource(arn, false, false, type, resource, resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal));
        }

        return new TaskResource(arn, false, false, "unknown", arn, false);
    }
}
