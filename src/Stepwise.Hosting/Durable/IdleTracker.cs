namespace Stepwise.Hosting.Durable;

/// <summary>
/// Knows whether the engine's background work has caught up with its clock: no step is being done, and every loop that
/// waits (the dispatcher's, activity polls) still waits, for a signal not given yet or a timer not fired yet. A task
/// handler of the host's (a Lambda, an HTTP endpoint) is outside the engine: a slot waiting on one counts as idle. Tests
/// on a manual clock move it only while the engine is idle, so time never runs ahead of the work an earlier instant
/// set off.
/// </summary>
internal sealed class IdleTracker
{
    private readonly Lock _lock = new();
    // A set: a server holds a wait per long-polling worker, each added and removed once a poll interval.
    private readonly HashSet<Waiting> _waiting = [];
    private int _busy;

    /// <summary>Counts the caller as busy until <see cref="Exit"/>.</summary>
    public void Enter() => Interlocked.Increment(ref _busy);

    /// <summary>Ends what <see cref="Enter"/> began.</summary>
    public void Exit() => Interlocked.Decrement(ref _busy);

    /// <summary>
    /// Turns the caller's busy count into a wait for <paramref name="awaited"/> (a timer on the engine's clock, a
    /// signal, a handler of the host's); disposing the result makes the caller busy again. A manual clock completes a
    /// timer's task as it fires it, so the wait ends with the move. <paramref name="signal"/> is the signal inside an
    /// awaited <c>WhenAny</c>/<c>WaitAsync</c>: it completes first, and the wrapper only once the thread pool runs its
    /// continuation, a moment during which nothing else would count the caller busy.
    /// </summary>
    public Waiting Wait(Task awaited, Task? signal = null)
    {
        var waiting = new Waiting(this, awaited, signal);
        lock (_lock)
        {
            _waiting.Add(waiting);
            Interlocked.Decrement(ref _busy);
        }

        return waiting;
    }

    /// <summary>True when nothing is busy and no wait's tasks have completed.</summary>
    public bool IsIdle()
    {
        lock (_lock)
        {
            if (Volatile.Read(ref _busy) > 0)
            {
                return false;
            }

            foreach (var waiting in _waiting)
            {
                if (waiting.Awaited.IsCompleted || waiting.Signal?.IsCompleted == true)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private void Resume(Waiting waiting)
    {
        lock (_lock)
        {
            _waiting.Remove(waiting);
            Interlocked.Increment(ref _busy);
        }
    }

    /// <summary>One wait begun by <see cref="Wait"/>.</summary>
    internal sealed class Waiting(IdleTracker owner, Task awaited, Task? signal) : IDisposable
    {
        public Task Awaited { get; } = awaited;

        public Task? Signal { get; } = signal;

        public void Dispose() => owner.Resume(this);
    }
}
