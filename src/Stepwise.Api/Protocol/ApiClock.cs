using Stepwise.Hosting.Durable;

namespace Stepwise.Api.Protocol;

/// <summary>The API's timestamps: the engine's clock, cut to the millisecond AWS JSON 1.0 carries, so a stored date reads back equal.</summary>
internal static class ApiClock
{
    public static DateTimeOffset Now(DurableEngine engine)
    {
        var now = engine.Time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
