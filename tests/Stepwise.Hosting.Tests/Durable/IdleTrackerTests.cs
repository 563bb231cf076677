using Stepwise.Hosting.Durable;
using Stepwise.Testing;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class IdleTrackerTests
{
    [Fact]
    public void Work_entered_keeps_the_tracker_busy_until_it_exits()
    {
        var tracker = new IdleTracker();
        Assert.True(tracker.IsIdle());

        tracker.Enter();
        Assert.False(tracker.IsIdle());

        tracker.Exit();
        Assert.True(tracker.IsIdle());
    }

    [Fact]
    public void A_wait_on_the_manual_clock_is_idle_until_the_move_that_fires_its_timer()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var tracker = new IdleTracker();
        tracker.Enter();

        using var waiting = tracker.Wait(Task.Delay(TimeSpan.FromSeconds(1), clock));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(tracker.IsIdle());

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(tracker.IsIdle());
    }

    [Fact]
    public void A_wait_whose_signal_was_given_is_busy_before_it_resumes()
    {
        var tracker = new IdleTracker();
        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Enter();
        using var waiting = tracker.Wait(wake.Task);
        Assert.True(tracker.IsIdle());

        wake.SetResult();

        Assert.False(tracker.IsIdle());
    }

    [Fact]
    public void A_slot_waiting_on_a_host_s_handler_is_idle_and_busy_again_once_the_handler_answered()
    {
        var tracker = new IdleTracker();
        var handler = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Enter();
        var waiting = tracker.Wait(handler.Task);
        Assert.True(tracker.IsIdle());

        handler.SetResult(1);
        Assert.False(tracker.IsIdle());

        waiting.Dispose();
        Assert.False(tracker.IsIdle());

        tracker.Exit();
        Assert.True(tracker.IsIdle());
    }

    [Fact]
    public void A_loop_woken_by_its_signal_is_busy_before_the_wrapper_it_awaits_has_completed()
    {
        var tracker = new IdleTracker();
        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wrapper = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Enter();
        using var waiting = tracker.Wait(wrapper.Task, wake.Task);
        Assert.True(tracker.IsIdle());

        // WhenAny(wake, timer) completes on the thread pool after wake does: until then only the signal says the loop woke.
        wake.SetResult();

        Assert.False(tracker.IsIdle());
    }
}
