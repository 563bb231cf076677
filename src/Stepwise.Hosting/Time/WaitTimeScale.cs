using Stepwise.Runtime;

namespace Stepwise.Hosting.Time;

/// <summary>
/// Step Functions Local's <c>WAIT_TIME_SCALE</c>: a Wait state's timer comes due after its time multiplied by the scale,
/// counted from when the state was entered; retry and timeout timers keep theirs (Step Functions Local scales only
/// Wait states). The history follows: <c>WaitStateExited</c> is stamped when the scaled timer fires.
/// </summary>
internal static class WaitTimeScale
{
    public static DateTimeOffset Due(StartTimerCommand timer, DateTimeOffset now, double scale)
    {
        if (!timer.IsWait || scale == 1 || timer.DueTime <= now)
        {
            return timer.DueTime;
        }

        return now + (timer.DueTime - now) * scale;
    }
}
