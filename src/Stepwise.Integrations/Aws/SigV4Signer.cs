using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// Signs a request with AWS Signature Version 4 (the algorithm of AWS's General Reference, "Create a signed AWS API
/// request"). Hand-written because AWSSDK.Core's signer signs its own request type, not an <see cref="HttpRequestMessage"/>.
/// Signed headers: <c>host</c>, <c>content-type</c> and every <c>x-amz-*</c> header.
/// </summary>
internal static class SigV4Signer
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (with a session token) and <c>Authorization</c>.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, string service, string region, AwsCredentials credentials, DateTimeOffset now) =>
        Sign(request, Hex(SHA256.HashData(body)), service, region, credentials, now, encodePathTwice: true);

    /// <summary>
    /// Signs with a precomputed <paramref name="payloadHash"/> (hex SHA-256, or S3's <c>UNSIGNED-PAYLOAD</c>).
    /// S3 signs the request path as sent (<paramref name="encodePathTwice"/> false); every other service signs the
    /// encoding of the encoded path.
    /// </summary>
    public static void Sign(HttpRequestMessage request, string payloadHash, string service, string region, AwsCredentials credentials, DateTimeOffset now,
        bool encodePathTwice)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        string amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string date = amzDate[..8];
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (credentials.SessionToken is { } token)
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var header in request.Headers)
        {
            string name = header.Key.ToLowerInvariant();
            if (name.StartsWith("x-amz-", StringComparison.Ordinal))
            {
                headers[name] = Collapse(string.Join(',', header.Value));
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = Collapse(contentType.ToString());
        }

        var canonical = new StringBuilder();
        canonical.Append(request.Method.Method).Append('\n');
        if (encodePathTwice)
        {
            AppendCanonicalPath(canonical, uri.AbsolutePath);
        }
        else
        {
            canonical.Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        }

        canonical.Append('\n');
        AppendCanonicalQuery(canonical, uri.Query);
        canonical.Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        string signedHeaders = string.Join(';', headers.Keys);
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);

        string scope = $"{date}/{region}/{service}/aws4_request";
        string stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        byte[] key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        string signature = Hex(Hmac(key, stringToSign));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>Each path segment URI-encoded again (services other than S3 sign the encoded path's encoding).</summary>
    private static void AppendCanonicalPath(StringBuilder builder, string path)
    {
        if (path.Length == 0)
        {
            builder.Append('/');
            return;
        }

        var segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(Encode(segments[i]));
        }
    }

    private static void AppendCanonicalQuery(StringBuilder builder, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (string part in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            string value = equals < 0 ? string.Empty : Uri.UnescapeDataString(part[(equals + 1)..]);
            pairs.Add((Encode(key), Encode(value)));
        }

        pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is int c && c != 0 ? c : string.CompareOrdinal(a.Value, b.Value));
        for (int i = 0; i < pairs.Count; i++)
        {
            builder.Append(i > 0 ? "&" : string.Empty).Append(pairs[i].Key).Append('=').Append(pairs[i].Value);
        }
    }

    /// <summary>RFC 3986 encoding: unreserved characters stay, every other UTF-8 byte becomes <c>%XX</c> (upper case).</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Collapse(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
