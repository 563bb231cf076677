using Stepwise.Hosting.Durable;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class IdleTrackerTests
{
    private static readonly DateTimeOffset s_now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Work_entered_keeps_the_tracker_busy_until_it_exits()
    {
        var tracker = new IdleTracker();
        Assert.True(tracker.IsIdle(s_now));

        tracker.Enter();
        Assert.False(tracker.IsIdle(s_now));

        tracker.Exit();
        Assert.True(tracker.IsIdle(s_now));
    }

    [Fact]
    public void A_wait_is_idle_before_its_instant_and_busy_from_it_on()
    {
        var tracker = new IdleTracker();
        tracker.Enter();

        using var waiting = tracker.Wait(s_now.AddSeconds(1), wake: null);

        Assert.True(tracker.IsIdle(s_now));
        Assert.True(tracker.IsIdle(s_now.AddMilliseconds(999)));
        Assert.False(tracker.IsIdle(s_now.AddSeconds(1)));
    }

    [Fact]
    public void A_wait_whose_signal_was_given_is_busy_before_it_resumes()
    {
        var tracker = new IdleTracker();
        var wake = new TaskCompletionSource();
        tracker.Enter();
        using var waiting = tracker.Wait(s_now.AddMinutes(1), wake.Task);
        Assert.True(tracker.IsIdle(s_now));

        wake.SetResult();

        Assert.False(tracker.IsIdle(s_now));
    }

    [Fact]
    public void A_resumed_wait_is_busy_again_until_its_work_exits()
    {
        var tracker = new IdleTracker();
        tracker.Enter();
        var waiting = tracker.Wait(DateTimeOffset.MaxValue, wake: null);
        Assert.True(tracker.IsIdle(s_now));

        waiting.Dispose();
        Assert.False(tracker.IsIdle(s_now));

        tracker.Exit();
        Assert.True(tracker.IsIdle(s_now));
    }
}
