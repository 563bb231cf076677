namespace Stepwise.Definition.Model;

/// <summary>A retrier's <c>JitterStrategy</c>.</summary>
public enum JitterStrategy
{
    /// <summary>No jitter: the delay is exactly IntervalSeconds × BackoffRate^n (capped).</summary>
    None,

    /// <summary>FULL jitter: the delay is drawn uniformly from [0, computed delay].</summary>
    Full,
}
