using Stepwise.Json;

namespace Stepwise.Integrations.Configuration;

/// <summary>Reads the integration keys of <c>stepwise.json</c>; every error names the file and the key path.</summary>
internal sealed class ConfigurationReader(string source, string baseDirectory)
{
    public IntegrationsConfiguration Read(JsonValue json)
    {
        var root = json as JsonObject ?? throw Error("", "must be a JSON object");
        var configuration = new IntegrationsConfiguration();
        if (root["region"] is { } region)
        {
            configuration.Region = String(region, "region");
        }

        if (Object(root, "credentials") is { } credentials)
        {
            configuration.Credentials = new AwsCredentials(
                String(credentials["accessKeyId"] ?? throw Error("credentials", "needs accessKeyId"), "credentials.accessKeyId"),
                String(credentials["secretAccessKey"] ?? throw Error("credentials", "needs secretAccessKey"), "credentials.secretAccessKey"),
                credentials["sessionToken"] is { } token ? String(token, "credentials.sessionToken") : null);
        }

        if (Object(root, "lambda") is { } lambda)
        {
            if (lambda["endpoint"] is { } endpoint)
            {
                configuration.LambdaEndpoint = Endpoint(endpoint, "lambda.endpoint");
            }

            if (Object(lambda, "functions", "lambda.") is { } functions)
            {
                foreach (var (name, value) in functions)
                {
                    configuration.Functions[name] = Function(value, $"lambda.functions.{name}");
                }
            }
        }

        if (Object(root, "endpoints") is { } endpoints)
        {
            foreach (var (service, value) in endpoints)
            {
                configuration.SetEndpoint(service, Endpoint(value, $"endpoints.{service}"));
            }
        }

        if (Object(root, "http") is { } http)
        {
            if (http["allowedHosts"] is { } hosts)
            {
                foreach (var host in hosts as JsonArray ?? throw Error("http.allowedHosts", "must be an array of host names"))
                {
                    configuration.AllowedHosts.Add(String(host, "http.allowedHosts[]"));
                }
            }

            if (Object(http, "connections", "http.") is { } connections)
            {
                foreach (var (name, value) in connections)
                {
                    configuration.Connections[name] = Connection(value, $"http.connections.{name}");
                }
            }
        }

        if (Object(root, "s3") is { } s3)
        {
            if (s3["endpoint"] is { } endpoint)
            {
                configuration.SetEndpoint("s3", Endpoint(endpoint, "s3.endpoint"));
            }

            if (s3["localRoot"] is { } localRoot)
            {
                configuration.S3LocalRoot = Path.GetFullPath(String(localRoot, "s3.localRoot"), baseDirectory);
            }
        }

        if (root["mockConfig"] is { } mockConfig)
        {
            configuration.MockConfigPath = Path.GetFullPath(String(mockConfig, "mockConfig"), baseDirectory);
        }

        if (root["waitTimeScale"] is { } scale)
        {
            configuration.WaitTimeScale = scale is JsonNumber number
                ? IntegrationsConfiguration.ParseWaitTimeScale($"{source}: 'waitTimeScale'", number.ToDouble())
                : throw Error("waitTimeScale", "must be a number, 0 or more");
        }

        return configuration;
    }

    private LambdaFunctionConfiguration Function(JsonValue value, string key)
    {
        var function = value as JsonObject ?? throw Error(key, "must be an object with 'command' or 'endpoint'");
        var command = function["command"] switch
        {
            null => null,
            JsonString text => [text.Value],
            JsonArray array when array.Count > 0 => Strings(array, key + ".command"),
            _ => throw Error(key + ".command", "must be a program name or a non-empty array of the program and its arguments"),
        };
        Uri? endpoint = function["endpoint"] is { } e ? Endpoint(e, key + ".endpoint") : null;
        if ((command is null) == (endpoint is null))
        {
            throw Error(key, "needs exactly one of 'command' and 'endpoint'");
        }

        return new LambdaFunctionConfiguration
        {
            Command = command,
            Endpoint = endpoint,
            WorkingDirectory = Path.GetFullPath(function["workingDirectory"] is { } wd ? String(wd, key + ".workingDirectory") : ".", baseDirectory),
            Environment = StringMap(function, "environment", key, StringComparer.Ordinal),
        };
    }

    private HttpConnection Connection(JsonValue value, string key)
    {
        var connection = value as JsonObject ?? throw Error(key, "must be an object");
        var headers = new Dictionary<string, string>(StringMap(connection, "headers", key, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        if (Object(connection, "apiKey", key + ".") is { } apiKey)
        {
            headers[String(apiKey["name"] ?? throw Error(key + ".apiKey", "needs name"), key + ".apiKey.name")] =
                String(apiKey["value"] ?? throw Error(key + ".apiKey", "needs value"), key + ".apiKey.value");
        }

        if (Object(connection, "basic", key + ".") is { } basic)
        {
            string user = String(basic["username"] ?? throw Error(key + ".basic", "needs username"), key + ".basic.username");
            string password = String(basic["password"] ?? throw Error(key + ".basic", "needs password"), key + ".basic.password");
            headers["Authorization"] = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password));
        }

        if (connection["bearerToken"] is { } bearer)
        {
            headers["Authorization"] = "Bearer " + String(bearer, key + ".bearerToken");
        }

        return new HttpConnection { Headers = headers, QueryParameters = StringMap(connection, "queryParameters", key, StringComparer.Ordinal) };
    }

    private Dictionary<string, string> StringMap(JsonObject parent, string name, string key, StringComparer comparer)
    {
        var map = new Dictionary<string, string>(comparer);
        if (Object(parent, name, key + ".") is { } values)
        {
            foreach (var (k, v) in values)
            {
                map[k] = String(v, $"{key}.{name}.{k}");
            }
        }

        return map;
    }

    private string[] Strings(JsonArray array, string key)
    {
        var result = new string[array.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = String(array[i], $"{key}[{i}]");
        }

        return result;
    }

    private JsonObject? Object(JsonObject parent, string name, string prefix = "") => parent[name] switch
    {
        null => null,
        JsonObject obj => obj,
        _ => throw Error(prefix + name, "must be an object"),
    };

    private string String(JsonValue value, string key) => value is JsonString s ? s.Value : throw Error(key, "must be a string");

    private Uri Endpoint(JsonValue value, string key) => IntegrationsConfiguration.ParseEndpoint($"{source}: '{key}'", String(value, key));

    private FormatException Error(string key, string message) =>
        new(key.Length == 0 ? $"{source}: the configuration {message}." : $"{source}: '{key}' {message}.");
}
