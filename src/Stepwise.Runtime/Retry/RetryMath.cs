using Stepwise.Definition.Model;

namespace Stepwise.Runtime.Retry;

/// <summary>The retry delay of ASL: pure, so a history replays to the same delays.</summary>
internal static class RetryMath
{
    // AWS caps any retry delay well below this; the clamp only keeps the arithmetic finite.
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromDays(365);

    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> + 1 (<paramref name="attempt"/> = retries already made
    /// by this retrier): IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds; with FULL jitter, scaled by
    /// <paramref name="unitRandom"/> ∈ [0, 1) drawn once by the caller and recorded.
    /// </summary>
    public static TimeSpan Delay(Retrier retrier, int attempt, double unitRandom)
    {
        double seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, attempt);
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds > s_maxDelay.TotalSeconds)
        {
            seconds = s_maxDelay.TotalSeconds;
        }

        if (retrier.MaxDelaySeconds is int cap && seconds > cap)
        {
            seconds = cap;
        }

        if (retrier.JitterStrategy == JitterStrategy.Full)
        {
            seconds *= Math.Clamp(unitRandom, 0, 1);
        }

        return TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
    }
}
