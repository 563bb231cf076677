using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Stepwise.Integrations.Tests.TestSupport;

/// <summary>An HTTP server on a free loopback port that answers every request with what the test's responder says, recording each request.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, Response> _responder;
    private readonly Task _loop;

    public LoopbackServer(Func<RecordedRequest, Response> responder)
    {
        _responder = responder;
        // A port found free can be taken before the listener binds it (test assemblies run at once, each with servers
        // of its own): then another free port is tried.
        for (int attempt = 1; ; attempt++)
        {
            var uri = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(uri.ToString());
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                listener.Close();
                continue;
            }

            _listener = listener;
            Uri = uri;
            break;
        }

        _loop = ServeAsync();
    }

    public Uri Uri { get; }

    public List<RecordedRequest> Requests { get; } = [];

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            // Disposing stops the listener between the IsListening check and this call; HttpListener then says it
            // was never started.
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in context.Request.Headers.AllKeys)
            {
                headers[name!] = context.Request.Headers[name]!;
            }

            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, await reader.ReadToEndAsync());
            lock (Requests)
            {
                Requests.Add(request);
            }

            var response = _responder(request);
            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            byte[] body = Encoding.UTF8.GetBytes(response.Body);
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    internal sealed record RecordedRequest(string Method, string PathAndQuery, Dictionary<string, string> Headers, string Body);

    internal sealed record Response(int Status, string Body, params (string Name, string Value)[] Headers);
}
