using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Stepwise.Api.Console;

/// <summary>
/// The web console's built files (web/console/dist), embedded in this assembly by the build under <c>console/</c>.
/// Served on GET beside the API on POST /; read once, answered from memory with ETags.
/// </summary>
internal sealed class ConsoleFiles
{
    private const string ResourcePrefix = "console/";

    // The console talks to its own origin only and runs no inline script; user data is only ever rendered as text.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> s_contentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".json"] = "application/json",
        [".woff2"] = "font/woff2",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, ConsoleFile> _files;

    private ConsoleFiles(FrozenDictionary<string, ConsoleFile> files) => _files = files;

    /// <summary>Whether the console was built into this assembly (not when built with <c>StepwiseSkipConsole=true</c>).</summary>
    public bool IsBuiltIn => _files.ContainsKey("index.html");

    /// <summary>Reads the embedded files of <paramref name="assembly"/>.</summary>
    public static ConsoleFiles Load(Assembly assembly)
    {
        var files = new Dictionary<string, ConsoleFile>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            var content = new byte[stream.Length];
            stream.ReadExactly(content);
            string path = name[ResourcePrefix.Length..].Replace('\\', '/');
            string type = s_contentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            string etag = $"\"{Convert.ToHexString(SHA256.HashData(content), 0, 8)}\"";
            files[path] = new ConsoleFile(content, type, etag);
        }

        return new ConsoleFiles(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Answers GET <c>/</c> (the console's page) and GET <c>/assets/…</c>; anything else is 404.</summary>
    public Task ServeAsync(HttpContext http)
    {
        string path = http.Request.Path.Value is { Length: > 1 } value ? value[1..] : "index.html";
        var response = http.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        if (!_files.TryGetValue(path, out var file))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            return response.WriteAsync(IsBuiltIn
                ? "Not found. The console is at /; the API is POST / (AWS JSON 1.0)."
                : "The web console is not built into this server (it was built with StepwiseSkipConsole=true). The API is POST / (AWS JSON 1.0).",
                http.RequestAborted);
        }

        response.Headers.ETag = file.ETag;
        // Vite names assets by content hash, so they never change; the page itself is revalidated every time.
        response.Headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal) ? "public, max-age=31536000, immutable" : "no-cache";
        if (path == "index.html")
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        if (http.Request.Headers.IfNoneMatch == file.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(file.Content, http.RequestAborted).AsTask();
    }

    private sealed record ConsoleFile(byte[] Content, string ContentType, string ETag);
}
