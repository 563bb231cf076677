namespace Stepwise.Hosting.Durable;

/// <summary>
/// Knows whether the engine's background work has caught up with its clock: no step is being done, and every loop that
/// waits (the dispatcher's, activity polls) waits for a signal not given yet and a time still to come. A task handler
/// of the host's (a Lambda, an HTTP endpoint) is outside the engine: a slot waiting on one counts as idle. Tests on a
/// manual clock move it only while the engine is idle, so time never runs ahead of the work an earlier instant set off.
/// </summary>
internal sealed class IdleTracker
{
    private readonly Lock _lock = new();
    private readonly List<Waiting> _waiting = [];
    private int _busy;

    /// <summary>Counts the caller as busy until <see cref="Exit"/>.</summary>
    public void Enter() => Interlocked.Increment(ref _busy);

    /// <summary>Ends what <see cref="Enter"/> began.</summary>
    public void Exit() => Interlocked.Decrement(ref _busy);

    /// <summary>
    /// Turns the caller's busy count into a wait that ends at <paramref name="until"/> (not later than the timer the
    /// caller waits on comes due) or when <paramref name="wake"/> completes; disposing the result makes it busy again.
    /// </summary>
    public Waiting Wait(DateTimeOffset until, Task? wake)
    {
        var waiting = new Waiting(this, until, wake);
        lock (_lock)
        {
            _waiting.Add(waiting);
            Interlocked.Decrement(ref _busy);
        }

        return waiting;
    }

    /// <summary>True when nothing is busy and every wait still waits at <paramref name="now"/>.</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (Volatile.Read(ref _busy) > 0)
            {
                return false;
            }

            foreach (var waiting in _waiting)
            {
                if (waiting.Until <= now || waiting.Wake?.IsCompleted == true)
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
    internal sealed class Waiting(IdleTracker owner, DateTimeOffset until, Task? wake) : IDisposable
    {
        public DateTimeOffset Until { get; } = until;

        public Task? Wake { get; } = wake;

        public void Dispose() => owner.Resume(this);
    }
}
