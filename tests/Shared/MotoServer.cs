using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stepwise.Testing;

/// <summary>
/// A <c>moto_server</c> on a free loopback port, the local stand-in for AWS services in tests: started by the fixture,
/// killed on dispose. Missing moto fails the tests that need it with a message saying how to install it.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private static readonly HttpClient s_http = new();
    private readonly Process _process;

    /// <summary>Starts moto with account 111111111111 in its ARNs and queue URLs (the account of the AWS-recorded corpus).</summary>
    public MotoServer()
    {
        // A port found free can be taken before moto binds it (test assemblies run at once, each with its own moto):
        // moto then exits at once, and another free port is tried.
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            var process = Start(port);
            if (WaitUntilListening(process, port))
            {
                _process = process;
                Endpoint = new Uri($"http://127.0.0.1:{port}/");
                return;
            }

            int exitCode = process.ExitCode;
            process.Dispose();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"moto_server exited with code {exitCode} before it listened, on three free ports in a row.");
            }
        }
    }

    public const string AccountId = "111111111111";

    public Uri Endpoint { get; }

    /// <summary>
    /// Calls a JSON-protocol action directly (test setup: create a table or a queue). Moto serves every service on one
    /// port and tells them apart by the signature's scope, so the request carries one (unchecked by moto).
    /// </summary>
    public async Task<string> CallJsonAsync(string signingName, string target, string json, string jsonVersion = "1.0")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-" + jsonVersion);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        Sign(request, signingName);
        using var response = await s_http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"moto answered {target} with {(int)response.StatusCode}: {body}");
    }

    /// <summary>Calls a query-protocol action (SNS) directly; <paramref name="form"/> is the encoded form body after Action and Version.</summary>
    public async Task<string> CallQueryAsync(string signingName, string action, string version, string form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent($"Action={action}&Version={version}&{form}", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        Sign(request, signingName);
        using var response = await s_http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"moto answered {action} with {(int)response.StatusCode}: {body}");
    }

    /// <summary>Creates an S3 bucket (path-style); an existing one is kept.</summary>
    public async Task CreateBucketAsync(string bucket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Endpoint, Uri.EscapeDataString(bucket)));
        Sign(request, "s3");
        using var response = await s_http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode && !body.Contains("BucketAlreadyOwnedByYou", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"moto answered CreateBucket {bucket} with {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Stores an S3 object (path-style); <paramref name="key"/> may contain '/'. Returns its version id (null when unversioned).</summary>
    public async Task<string?> PutObjectAsync(string bucket, string key, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Endpoint, Uri.EscapeDataString(bucket) + "/" + key)) { Content = new ByteArrayContent(body) };
        Sign(request, "s3");
        using var response = await s_http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"moto answered PutObject {bucket}/{key} with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response.Headers.TryGetValues("x-amz-version-id", out var versions) ? versions.First() : null;
    }

    /// <summary>Sends an S3 REST request (path-style, e.g. <c>bucket?versioning</c>) with an XML body.</summary>
    public async Task CallRestAsync(HttpMethod method, string pathAndQuery, string body)
    {
        using var request = new HttpRequestMessage(method, new Uri(Endpoint, pathAndQuery)) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        Sign(request, "s3");
        using var response = await s_http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"moto answered {method} {pathAndQuery} with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Reads an S3 object's bytes (path-style).</summary>
    public async Task<byte[]> GetObjectAsync(string bucket, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoint, Uri.EscapeDataString(bucket) + "/" + key));
        Sign(request, "s3");
        using var response = await s_http.SendAsync(request);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync()
            : throw new InvalidOperationException($"moto answered GetObject {bucket}/{key} with {(int)response.StatusCode}.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Sign(HttpRequestMessage request, string signingName) =>
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/{signingName}/aws4_request, SignedHeaders=host, Signature=0");

    private static Process Start(int port)
    {
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MOTO_ACCOUNT_ID"] = AccountId;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"These tests need moto_server on the PATH (pip install 'moto[server]'): {e.Message}", e);
        }

        // Drain its logs so a full pipe never blocks it.
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>True once moto listens on <paramref name="port"/>; false when it exited first (the port was taken).</summary>
    private static bool WaitUntilListening(Process process, int port)
    {
        // A guard against a hung start only: moto starts in a few seconds even on a loaded machine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                // Connected: moto listens, unless it failed to bind because another process listens there.
                return !process.WaitForExit(TimeSpan.Zero);
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"moto_server did not listen on port {port} within 60 s.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
