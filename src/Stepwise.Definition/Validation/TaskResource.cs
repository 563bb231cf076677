using System.Diagnostics.CodeAnalysis;

namespace Stepwise.Definition.Validation;

/// <summary>A Task Resource ARN taken apart: <c>arn:partition:service:region:account:resource</c>.</summary>
internal readonly record struct TaskResource(TaskResourceKind Kind, string Service, string Action, IntegrationPattern Pattern)
{
    public static bool TryParse(string arn, [NotNullWhen(true)] out TaskResource resource)
    {
        resource = default;
        // arn : partition : service : region : account : resource (the resource part may hold more colons).
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return false;
        }

        if (parts[2] != "states")
        {
            resource = new TaskResource(TaskResourceKind.Other, parts[2], parts[5], IntegrationPattern.RequestResponse);
            return true;
        }

        if (parts[5].StartsWith("activity:", StringComparison.Ordinal))
        {
            resource = new TaskResource(TaskResourceKind.Activity, "states", parts[5], IntegrationPattern.RequestResponse);
            return true;
        }

        if (parts[3].Length != 0 || parts[4].Length != 0)
        {
            resource = new TaskResource(TaskResourceKind.Other, "states", parts[5], IntegrationPattern.RequestResponse);
            return true;
        }

        // arn:aws:states:::service:action[.sync[:2] | .waitForTaskToken]; aws-sdk:service:action[.pattern].
        string rest = parts[5];
        var pattern = IntegrationPattern.RequestResponse;
        int dot = rest.LastIndexOf('.');
        if (dot > 0)
        {
            string suffix = rest[(dot + 1)..];
            if (suffix is "sync" or "sync:2")
            {
                pattern = IntegrationPattern.Sync;
                rest = rest[..dot];
            }
            else if (suffix == "waitForTaskToken")
            {
                pattern = IntegrationPattern.WaitForTaskToken;
                rest = rest[..dot];
            }
        }

        int colon = rest.IndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1)
        {
            return false;
        }

        resource = new TaskResource(TaskResourceKind.ServiceIntegration, rest[..colon], rest[(colon + 1)..], pattern);
        return true;
    }
}
