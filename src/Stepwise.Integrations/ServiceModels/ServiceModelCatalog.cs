using System.IO.Compression;
using Stepwise.Definition.Validation;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.ServiceModels;

/// <summary>
/// The API models embedded in this assembly (see <c>tools/service-models/README.md</c>): the output shapes of every
/// operation of the services Stepwise's integrations call, plus those the corpus's TestState cases mock (S3, Lambda).
/// Each service is linked on first use.
/// </summary>
internal static class ServiceModelCatalog
{
    private const string ResourceName = "Stepwise.Integrations.ServiceModels.service-models.json.gz";
    private const string SdkPrefix = "aws-sdk";

    private static readonly Lazy<Dictionary<string, Lazy<ServiceModel>>> s_services = new(Load);

    /// <summary>The model of the service Stepwise keys as <paramref name="serviceKey"/> (<c>states</c>, <c>events</c>, <c>kms</c>), or null.</summary>
    public static ServiceModel? Find(string serviceKey) =>
        s_services.Value.TryGetValue(serviceKey, out var model) ? model.Value : null;

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

    private static Dictionary<string, Lazy<ServiceModel>> Load()
    {
        using var stream = typeof(ServiceModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(ServiceModelCatalog).Assembly.GetName().Name}.");
        using var unzipped = new GZipStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        unzipped.CopyTo(buffer);
        var document = JsonValue.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).AsObject();
        var entries = document["services"]!.AsObject();
        var services = new Dictionary<string, Lazy<ServiceModel>>(entries.Count, StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            var json = entry.AsObject();
            services[key] = new Lazy<ServiceModel>(() => ServiceModel.Read(json));
        }

        return services;
    }
}
