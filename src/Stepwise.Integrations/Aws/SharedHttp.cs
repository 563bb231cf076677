namespace Stepwise.Integrations.Aws;

/// <summary>
/// The process's one <see cref="HttpClient"/> for integrations: pooled connections recycled every few minutes so DNS
/// changes are seen (the pattern .NET's HttpClient guidance recommends), no client-side timeout (the task's
/// TimeoutSeconds cancels a call), and no cookies or redirects (an integration call is one request).
/// </summary>
internal static class SharedHttp
{
    public static HttpClient Client { get; } = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
