using System.Collections;
using Stepwise.Json;

namespace Stepwise.Integrations.Configuration;

/// <summary>
/// What the operator lets Task states reach: Lambda backends (commands, endpoints), AWS service endpoints, the
/// HTTP Task's allowed hosts and connections, credentials, and Step Functions Local's compatibility settings.
/// Read from <c>stepwise.json</c> (<see cref="Read"/>) and the environment (<see cref="ApplyEnvironment"/>, which
/// wins); a definition never chooses any of it. See <c>docs/integrations.md</c>.
/// </summary>
public sealed class IntegrationsConfiguration
{
    /// <summary>The file name looked up in the working directory.</summary>
    public const string FileName = "stepwise.json";

    private readonly Dictionary<string, LambdaFunctionConfiguration> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _endpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HttpConnection> _connections = new(StringComparer.Ordinal);
    private readonly List<string> _allowedHosts = [];

    /// <summary>The region requests are signed for; null = the engine's region.</summary>
    public string? Region { get; set; }

    /// <summary>The credentials requests are signed with; null = a placeholder key that local stand-ins accept.</summary>
    public AwsCredentials? Credentials { get; set; }

    /// <summary>The Lambda Invoke API endpoint for functions without their own backend (SAM local, LocalStack, AWS).</summary>
    public Uri? LambdaEndpoint { get; set; }

    /// <summary>Lambda functions by name, each served by a command or its own endpoint.</summary>
    public IDictionary<string, LambdaFunctionConfiguration> Functions => _functions;

    /// <summary>
    /// AWS service endpoints by service name as in ARNs and SDKs (<c>dynamodb</c>, <c>sqs</c>, <c>sns</c>,
    /// <c>events</c>, <c>secretsmanager</c>…); keys are lower case, and <c>eventbridge</c> is <c>events</c>.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> Endpoints => _endpoints;

    /// <summary>HTTP Task connections by connection ARN (or its name, the part after <c>connection/</c>).</summary>
    public IDictionary<string, HttpConnection> Connections => _connections;

    /// <summary>
    /// Hosts the HTTP Task may call: <c>host</c>, <c>host:port</c> or <c>*.domain</c>. Empty = the HTTP Task calls nothing.
    /// </summary>
    public IList<string> AllowedHosts => _allowedHosts;

    /// <summary>
    /// Step Functions Local's <c>WAIT_TIME_SCALE</c>: Wait states wait this many times their time (0.5 halves it, 0
    /// skips it, 2 doubles it). Retry intervals and task, heartbeat and execution timeouts are not scaled, as in Step
    /// Functions Local. Null = 1.
    /// </summary>
    public double? WaitTimeScale { get; set; }

    /// <summary>A scale for <see cref="WaitTimeScale"/>, or a <see cref="FormatException"/> naming where it came from.</summary>
    internal static double ParseWaitTimeScale(string where, double value) =>
        double.IsFinite(value) && value >= 0 ? value : throw new FormatException($"{where}: '{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}' is not a wait time scale (a number, 0 or more).");

    /// <summary>A Step Functions Local mock configuration file (<c>SFN_MOCK_CONFIG</c>).</summary>
    public string? MockConfigPath { get; set; }

    /// <summary>
    /// A directory that stands in for S3 in distributed Map ItemReaders and ResultWriters: bucket <c>b</c> key <c>k</c> is
    /// the file <c>&lt;root&gt;/b/k</c>, and no path may leave it. Null = objects come from the <c>s3</c> endpoint.
    /// From <c>stepwise.json</c> <c>"s3": {"localRoot": …}</c> or <c>STEPWISE_S3_LOCAL_ROOT</c>.
    /// </summary>
    public string? S3LocalRoot { get; set; }

    /// <summary>Sets the endpoint of <paramref name="service"/> (a name such as <c>dynamodb</c> or <c>eventbridge</c>).</summary>
    public void SetEndpoint(string service, Uri endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoints[ServiceKey(service)] = endpoint;
    }

    /// <summary>The endpoint configured for <paramref name="service"/>, or null.</summary>
    public Uri? GetEndpoint(string service) => _endpoints.TryGetValue(ServiceKey(service), out var uri) ? uri : null;

    /// <summary>
    /// Reads <c>stepwise.json</c> from <paramref name="path"/> when given, else from the working directory when it
    /// exists, then applies the process environment.
    /// </summary>
    /// <exception cref="FormatException">The file is not a valid configuration; the message names the file and key.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="path"/> does not exist.</exception>
    public static IntegrationsConfiguration Load(string? path = null)
    {
        string? file = path ?? (File.Exists(FileName) ? FileName : null);
        IntegrationsConfiguration configuration;
        if (file is null)
        {
            configuration = new IntegrationsConfiguration();
        }
        else
        {
            string full = Path.GetFullPath(file);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"The configuration file '{file}' does not exist.", full);
            }

            if (!JsonValue.TryParse(File.ReadAllText(full), out var json, out string? error))
            {
                throw new FormatException($"{file}: {error}");
            }

            configuration = Read(json, Path.GetDirectoryName(full)!, file);
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        configuration.ApplyEnvironment(environment, Directory.GetCurrentDirectory());
        return configuration;
    }

    /// <summary>
    /// Reads the integration keys of a <c>stepwise.json</c> document (other keys belong to other parts of Stepwise and
    /// are left alone). Relative paths resolve against <paramref name="baseDirectory"/>.
    /// </summary>
    /// <exception cref="FormatException">A key has the wrong type or value; the message names <paramref name="source"/> and the key.</exception>
    public static IntegrationsConfiguration Read(JsonValue json, string baseDirectory, string source = FileName) =>
        new ConfigurationReader(source, baseDirectory).Read(json);

    /// <summary>
    /// Applies the environment variables Step Functions Local and Stepwise define (they win over the file):
    /// <c>LAMBDA_ENDPOINT</c>/<c>STEPWISE_LAMBDA_ENDPOINT</c>, <c>STEPWISE_ENDPOINT_&lt;SERVICE&gt;</c>,
    /// <c>SQS_ENDPOINT</c>, <c>SNS_ENDPOINT</c>, <c>DYNAMODB_ENDPOINT</c>, <c>EVENTBRIDGE_ENDPOINT</c>…,
    /// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>, <c>AWS_DEFAULT_REGION</c>/<c>AWS_REGION</c>,
    /// <c>STEPWISE_HTTP_ALLOWED_HOSTS</c> (comma-separated), <c>S3_ENDPOINT</c>/<c>STEPWISE_S3_ENDPOINT</c>,
    /// <c>STEPWISE_S3_LOCAL_ROOT</c>, and <c>SFN_MOCK_CONFIG</c>.
    /// </summary>
    /// <remarks>Also <c>WAIT_TIME_SCALE</c>/<c>STEPWISE_WAIT_TIME_SCALE</c> (<see cref="WaitTimeScale"/>).</remarks>
    /// <exception cref="FormatException">A variable's value is not a valid URL or scale; the message names the variable.</exception>
    public void ApplyEnvironment(IReadOnlyDictionary<string, string> environment, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (name, value) in environment)
        {
            if (value.Length == 0)
            {
                continue;
            }

            if (name == EnvironmentNames.StepwiseS3Endpoint)
            {
                SetEndpoint("s3", EnvironmentUri(name, value));
            }
            else if (name.StartsWith(EnvironmentNames.EndpointPrefix, StringComparison.Ordinal))
            {
                SetEndpoint(name[EnvironmentNames.EndpointPrefix.Length..].ToLowerInvariant(), EnvironmentUri(name, value));
            }
            else if (EnvironmentNames.StepFunctionsLocalEndpoint(name) is { } service)
            {
                // Stepwise's own STEPWISE_ENDPOINT_* wins over Step Functions Local's names.
                if (!environment.ContainsKey(EnvironmentNames.EndpointPrefix + service.ToUpperInvariant())
                    && !(service == "s3" && environment.ContainsKey(EnvironmentNames.StepwiseS3Endpoint)))
                {
                    SetEndpoint(service, EnvironmentUri(name, value));
                }
            }
        }

        if ((Value(environment, EnvironmentNames.StepwiseLambdaEndpoint) ?? Value(environment, EnvironmentNames.LambdaEndpoint)) is { } lambda)
        {
            LambdaEndpoint = EnvironmentUri(EnvironmentNames.LambdaEndpoint, lambda);
        }

        if (Value(environment, "AWS_ACCESS_KEY_ID") is { } keyId && Value(environment, "AWS_SECRET_ACCESS_KEY") is { } secret)
        {
            Credentials = new AwsCredentials(keyId, secret, Value(environment, "AWS_SESSION_TOKEN"));
        }

        if ((Value(environment, "AWS_DEFAULT_REGION") ?? Value(environment, "AWS_REGION")) is { } region)
        {
            Region = region;
        }

        if (Value(environment, EnvironmentNames.AllowedHosts) is { } hosts)
        {
            foreach (string host in hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                _allowedHosts.Add(host);
            }
        }

        if (Value(environment, EnvironmentNames.S3LocalRoot) is { } localRoot)
        {
            S3LocalRoot = Path.GetFullPath(localRoot, baseDirectory);
        }

        if (Value(environment, EnvironmentNames.MockConfig) is { } mocks)
        {
            MockConfigPath = Path.GetFullPath(mocks, baseDirectory);
        }

        string scaleName = Value(environment, EnvironmentNames.StepwiseWaitTimeScale) is null ? EnvironmentNames.WaitTimeScale : EnvironmentNames.StepwiseWaitTimeScale;
        if (Value(environment, scaleName) is { } scale)
        {
            WaitTimeScale = double.TryParse(scale, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed)
                ? ParseWaitTimeScale(scaleName, parsed)
                : throw new FormatException($"{scaleName}: '{scale}' is not a wait time scale (a number, 0 or more).");
        }
    }

    /// <summary>The key endpoints are stored under: lower case, with SDK and console aliases folded.</summary>
    internal static string ServiceKey(string service)
    {
        string key = service.ToLowerInvariant();
        return key switch
        {
            "eventbridge" or "cloudwatchevents" => "events",
            "stepfunctions" or "sfn" => "states",
            _ => key,
        };
    }

    /// <summary>An absolute http(s) URL, or a <see cref="FormatException"/> naming where it came from.</summary>
    internal static Uri ParseEndpoint(string where, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"{where}: '{value}' is not an absolute http or https URL.");

    private static Uri EnvironmentUri(string name, string value) => ParseEndpoint(name, value);

    private static string? Value(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;
}
