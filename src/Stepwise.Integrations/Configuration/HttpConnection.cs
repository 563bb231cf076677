namespace Stepwise.Integrations.Configuration;

/// <summary>
/// An EventBridge connection as the HTTP Task's <c>Authentication.ConnectionArn</c> names it: the headers and query
/// parameters it adds to every request (API key, basic or bearer credentials become an <c>Authorization</c> or
/// named header). The secrets live in the operator's configuration, never in a definition.
/// </summary>
public sealed class HttpConnection
{
    /// <summary>Headers added to each request (they win over the definition's headers of the same name).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Query parameters added to each request.</summary>
    public IReadOnlyDictionary<string, string> QueryParameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
