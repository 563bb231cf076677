using System.Net;
using System.Text.RegularExpressions;

namespace Stepwise.Api.Tests;

public sealed partial class ConsoleTests
{
    [Fact]
    public async Task GET_root_serves_the_console_page_with_a_content_security_policy()
    {
        await using var server = await ApiServer.StartAsync();
        using var response = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scripts_the_page_names_are_served_with_their_type_and_revalidate_by_ETag()
    {
        await using var server = await ApiServer.StartAsync();
        using var page = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"));
        string script = ScriptSource().Match(await page.Content.ReadAsStringAsync()).Groups["src"].Value;
        Assert.StartsWith("./assets/", script, StringComparison.Ordinal);

        using var asset = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, script[1..]));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, script[1..]);
        again.Headers.IfNoneMatch.Add(asset.Headers.ETag!);
        using var revalidated = await server.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_POST_root_is_still_the_API()
    {
        await using var server = await ApiServer.StartAsync();
        using var missing = await server.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/assets/nothing.js"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var (status, body) = await server.CallAsync("ListStateMachines");
        Assert.Equal(200, status);
        Assert.NotNull(body["stateMachines"]);
    }

    [GeneratedRegex("""<script[^>]*src="(?<src>[^"]+)""")]
    private static partial Regex ScriptSource();
}
