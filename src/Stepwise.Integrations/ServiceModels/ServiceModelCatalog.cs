using Stepwise.Definition.Validation;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.ServiceModels;

/// <summary>
/// The API models embedded in this assembly, one resource a service (see <c>tools/service-models/README.md</c>): the
/// output shapes of every operation of the services Stepwise's integrations call, plus those the corpus's TestState
/// cases mock (S3, Lambda). A service's model is read and linked on first use, so a check costs only its own service.
/// </summary>
internal static class ServiceModelCatalog
{
    private const string ResourcePrefix = "Stepwise.Integrations.ServiceModels.";
    private const string SdkPrefix = "aws-sdk";

    private static readonly Dictionary<string, Lazy<ServiceModel>> s_services = Embedded();

    /// <summary>The model of the service Stepwise keys as <paramref name="serviceKey"/> (<c>states</c>, <c>events</c>, <c>kms</c>), or null.</summary>
    public static ServiceModel? Find(string serviceKey) =>
        s_services.TryGetValue(serviceKey, out var model) ? model.Value : null;

    /// <summary>
    /// The shape of what a Task with <paramref name="resource"/> returns: the operation's output for
    /// <c>arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt;</c> and for the request-response optimized integrations
    /// (<c>arn:aws:states:::dynamodb:putItem</c>), Step Functions' own shape where it differs (<c>lambda:invoke</c>'s
    /// JSON Payload). Null when there is nothing to check against: activities, function ARNs, <c>http:invoke</c>,
    /// <c>apigateway:invoke</c>, services without an embedded model, and the <c>.sync</c> and <c>.waitForTaskToken</c>
    /// patterns, whose result is a job's description or whatever the task token's answer holds.
    /// </summary>
    public static Shape? ResultShape(string resource)
    {
        if (!TaskResource.TryParse(resource, out var parsed) || parsed.Kind != TaskResourceKind.ServiceIntegration
            || parsed.Pattern != IntegrationPattern.RequestResponse)
        {
            return null;
        }

        string service = parsed.Service;
        string action = parsed.Action;
        bool sdk = service == SdkPrefix;
        if (sdk)
        {
            int colon = action.IndexOf(':');
            if (colon <= 0 || colon == action.Length - 1)
            {
                return null;
            }

            service = action[..colon];
            action = action[(colon + 1)..];
        }

        if (Find(IntegrationsConfiguration.ServiceKey(service)) is not { } model)
        {
            return null;
        }

        // ASL spells actions in camelCase (getFunction); the model names the operation GetFunction.
        string operation = char.ToUpperInvariant(action[0]) + action[1..];
        return (sdk ? null : model.OptimizedResult(action)) ?? model.Output(operation);
    }

    /// <summary>The embedded models by service key; only these names are ever loaded, whatever a resource names.</summary>
    private static Dictionary<string, Lazy<ServiceModel>> Embedded()
    {
        var services = new Dictionary<string, Lazy<ServiceModel>>(StringComparer.Ordinal);
        foreach (string name in typeof(ServiceModelCatalog).Assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                services[name[ResourcePrefix.Length..]] = new Lazy<ServiceModel>(() => Load(name));
            }
        }

        return services;
    }

    private static ServiceModel Load(string resource)
    {
        using var stream = typeof(ServiceModelCatalog).Assembly.GetManifestResourceStream(resource)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return ServiceModel.Read(JsonValue.Parse(bytes).AsObject());
    }
}
