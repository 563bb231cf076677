namespace Stepwise.Hosting.Time;

/// <summary>
/// The FastTime clock of one execution: starts at a real instant and only moves when the host jumps it to the next
/// due timer. Single-threaded: only the execution loop reads and moves it.
/// </summary>
internal sealed class VirtualClock(DateTimeOffset start)
{
    public DateTimeOffset Now { get; private set; } = start;

    public void AdvanceTo(DateTimeOffset instant)
    {
        if (instant > Now)
        {
            Now = instant;
        }
    }
}
