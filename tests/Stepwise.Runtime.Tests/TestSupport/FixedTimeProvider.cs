namespace Stepwise.Runtime.Tests.TestSupport;

/// <summary>A clock that stands still (FastTime moves its own virtual clock from this start).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
