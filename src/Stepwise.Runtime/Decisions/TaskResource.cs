using System.Runtime.CompilerServices;
using Stepwise.Definition.Model;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// A Task state's <c>Resource</c> as the history names it. A bare Lambda function ARN records LambdaFunction*
/// events; anything else records Task* events with <c>resourceType</c>/<c>resource</c> split from the
/// <c>arn:aws:states:::</c> service ARN (<c>lambda</c>/<c>invoke</c>, <c>sqs</c>/<c>sendMessage.waitForTaskToken</c>).
/// </summary>
internal sealed record TaskResource(string Arn, bool IsLambdaFunction, bool IsActivity, string ResourceType, string Resource, bool WaitsForTaskToken)
{
    private const string ServicePrefix = ":states:::";

    /// <summary>Each Task state's parsed resource, kept while its definition lives: a state schedules its task on every visit.</summary>
    private static readonly ConditionalWeakTable<TaskState, TaskResource> s_byState = [];

    /// <summary>The parsed <see cref="TaskState.Resource"/> of <paramref name="state"/>, parsed once per state.</summary>
    public static TaskResource Of(TaskState state) => s_byState.GetValue(state, static s => Parse(s.Resource));

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
