using System.Net.Http.Headers;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// Sends requests to AWS-compatible endpoints (Lambda, DynamoDB, SQS…), signed with SigV4. Network failures surface as <see cref="HttpRequestException"/>, for the caller to name as its
/// service's <c>SdkClientException</c>.
/// </summary>
internal sealed class AwsHttpClient(HttpClient http, AwsCredentials? credentials, string? region, TimeProvider time)
{
    /// <summary>
    /// Signs requests when no credentials are configured: local stand-ins accept any signature, and one that serves
    /// every service on one port (moto, LocalStack) tells the services apart by the signature's scope.
    /// </summary>
    internal static AwsCredentials Placeholder { get; } = new("STEPWISELOCAL", "stepwise-local-placeholder");

    /// <summary>Sends one request, signed for the configured region or else <paramref name="defaultRegion"/> (the engine's).</summary>
    public async Task<AwsHttpResponse> SendAsync(HttpMethod method, Uri uri, string signingName, string defaultRegion, byte[] body, string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        request.Content = content;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        SigV4Signer.Sign(request, body, signingName, region ?? defaultRegion, credentials ?? Placeholder, time.GetUtcNow());

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new AwsHttpResponse((int)response.StatusCode, text, Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id"),
            Header(response, "X-Amz-Function-Error"), Header(response, "x-amzn-ErrorType"), Header(response, "x-amzn-query-error"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;
}
