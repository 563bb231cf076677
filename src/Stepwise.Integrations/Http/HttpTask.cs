using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;

namespace Stepwise.Integrations.Http;

/// <summary>
/// <c>arn:aws:states:::http:invoke</c>: calls <c>ApiEndpoint</c> with <c>Method</c>, <c>Headers</c>, <c>QueryParameters</c>
/// and <c>RequestBody</c> (JSON, or form-encoded with <c>Transform.RequestBodyEncoding: URL_ENCODED</c>), adding what the
/// <c>Authentication.ConnectionArn</c>'s configured connection adds. Only hosts the operator allows are called. The result
/// is <c>{Headers, ResponseBody, StatusCode, StatusText}</c>; a non-2xx answer fails with <c>States.Http.StatusCode.&lt;code&gt;</c>
/// and a network failure with <c>States.Http.Socket</c>.
/// </summary>
internal sealed class HttpTask(IntegrationsConfiguration configuration, HttpClient http)
{
    public const string Resource = "arn:aws:states:::http:invoke";

    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = invocation.Parameters as JsonObject ?? JsonObject.Empty;
        if (parameters["ApiEndpoint"] is not JsonString { Value: var endpointText }
            || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            return Invalid("ApiEndpoint must be an absolute http or https URL.");
        }

        if (parameters["Method"] is not JsonString { Value: var method } || method.Length == 0)
        {
            return Invalid("Method must be an HTTP method such as GET or POST.");
        }

        if (!IsAllowed(endpoint))
        {
            return TaskOutcome.Failure("States.Runtime",
                $"The HTTP Task may not call '{endpoint.Authority}': add it to http.allowedHosts in stepwise.json or to STEPWISE_HTTP_ALLOWED_HOSTS.");
        }

        HttpConnection? connection = null;
        if (parameters["Authentication"] is JsonObject authentication && authentication["ConnectionArn"] is JsonString connectionArn
            && (connection = FindConnection(connectionArn.Value)) is null)
        {
            return TaskOutcome.Failure("States.Runtime",
                $"The connection '{connectionArn.Value}' is not configured: add it to http.connections in stepwise.json.");
        }

        var query = new StringBuilder(endpoint.Query.TrimStart('?'));
        if (parameters["QueryParameters"] is JsonObject queryParameters)
        {
            AppendForm(query, queryParameters, "REPEAT");
        }

        foreach (var (name, value) in connection?.QueryParameters ?? new Dictionary<string, string>())
        {
            Append(query, name, value);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new UriBuilder(endpoint) { Query = query.ToString() }.Uri);
        if (parameters["RequestBody"] is { IsNull: false } body)
        {
            bool urlEncoded = parameters["Transform"] is JsonObject transform && transform["RequestBodyEncoding"] is JsonString { Value: "URL_ENCODED" };
            if (urlEncoded)
            {
                string arrayFormat = parameters["Transform"]!.AsObject()["RequestEncodingOptions"] is JsonObject options && options["ArrayFormat"] is JsonString format
                    ? format.Value
                    : "INDICES";
                var form = new StringBuilder();
                if (body is JsonObject fields)
                {
                    AppendForm(form, fields, arrayFormat);
                }
                else
                {
                    form.Append(body is JsonString s ? s.Value : body.ToJsonString());
                }

                request.Content = new StringContent(form.ToString(), Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            }
            else
            {
                request.Content = new StringContent(body is JsonString s ? s.Value : body.ToJsonString(), Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }
        }

        if (parameters["Headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                SetHeader(request, name, value is JsonString s ? s.Value : value.ToJsonString());
            }
        }

        foreach (var (name, value) in connection?.Headers ?? new Dictionary<string, string>())
        {
            SetHeader(request, name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return TaskOutcome.Failure("States.Http.Socket", e.Message);
        }

        using (response)
        {
            var result = await ResultAsync(response, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            return status is >= 200 and < 300
                ? TaskOutcome.Success(result)
                : TaskOutcome.Failure("States.Http.StatusCode." + status.ToString(CultureInfo.InvariantCulture), result.ToJsonString());
        }
    }

    private static TaskOutcome Invalid(string message) => TaskOutcome.Failure("States.Runtime", "The http:invoke Parameters are not valid: " + message);

    private bool IsAllowed(Uri endpoint)
    {
        foreach (string allowed in configuration.AllowedHosts)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                    ? endpoint.Host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
                    : string.Equals(allowed, endpoint.Host, StringComparison.OrdinalIgnoreCase) || string.Equals(allowed, endpoint.Authority, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A connection by its ARN, or by its name (<c>arn:aws:events:…:connection/&lt;name&gt;/&lt;id&gt;</c>).</summary>
    private HttpConnection? FindConnection(string arn)
    {
        if (configuration.Connections.TryGetValue(arn, out var connection))
        {
            return connection;
        }

        int start = arn.IndexOf(":connection/", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        string name = arn[(start + ":connection/".Length)..].Split('/')[0];
        return configuration.Connections.TryGetValue(name, out connection) ? connection : null;
    }

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        if (request.Content is not null && name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            request.Content.Headers.Remove(name);
            request.Content.Headers.TryAddWithoutValidation(name, value);
            return;
        }

        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private static async Task<JsonObject> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = new JsonObjectBuilder();
        foreach (var header in response.Headers)
        {
            headers.Set(header.Key, JsonArray.Create(header.Value.Select(static v => (JsonValue)v)));
        }

        foreach (var header in response.Content.Headers)
        {
            headers.Set(header.Key, JsonArray.Create(header.Value.Select(static v => (JsonValue)v)));
        }

        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        // A JSON answer is returned as JSON, anything else as its text.
        JsonValue body = text.Length > 0 && JsonValue.TryParse(text, out var parsed, out _) ? parsed : new JsonString(text);
        return new JsonObjectBuilder(4)
            .Set("Headers", headers.ToObject())
            .Set("ResponseBody", body)
            .Set("StatusCode", (int)response.StatusCode)
            .Set("StatusText", response.ReasonPhrase ?? string.Empty)
            .ToObject();
    }

    /// <summary>Form-encodes an object: nested objects as <c>a[b]=c</c>, arrays per <paramref name="arrayFormat"/> (INDICES, REPEAT, COMMAS, BRACKETS).</summary>
    private static void AppendForm(StringBuilder form, JsonObject fields, string arrayFormat)
    {
        foreach (var (name, value) in fields)
        {
            AppendField(form, name, value, arrayFormat);
        }
    }

    private static void AppendField(StringBuilder form, string name, JsonValue value, string arrayFormat)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, item) in obj)
                {
                    AppendField(form, $"{name}[{key}]", item, arrayFormat);
                }

                break;
            case JsonArray array when arrayFormat == "COMMAS":
                var joined = new string[array.Count];
                for (int i = 0; i < joined.Length; i++)
                {
                    joined[i] = Scalar(array[i]);
                }

                Append(form, name, string.Join(',', joined));
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    string key = arrayFormat switch
                    {
                        "REPEAT" => name,
                        "BRACKETS" => name + "[]",
                        _ => $"{name}[{i.ToString(CultureInfo.InvariantCulture)}]",
                    };
                    AppendField(form, key, array[i], arrayFormat);
                }

                break;
            default:
                Append(form, name, Scalar(value));
                break;
        }
    }

    private static string Scalar(JsonValue value) => value is JsonString s ? s.Value : value.ToJsonString();

    private static void Append(StringBuilder form, string name, string value)
    {
        if (form.Length > 0)
        {
            form.Append('&');
        }

        form.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
