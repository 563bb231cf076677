using Stepwise.Json;
namespace Stepwise.Definition.Model;

/// <summary>One entry of a state's <c>Retry</c> array.</summary>
public sealed class Retrier
{
    internal Retrier(IReadOnlyList<string> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
        int? maxDelaySeconds, JitterStrategy jitterStrategy)
    {
        ErrorEquals = errorEquals;
        IntervalSeconds = intervalSeconds;
        MaxAttempts = maxAttempts;
        BackoffRate = backoffRate;
        MaxDelaySeconds = maxDelaySeconds;
        JitterStrategy = jitterStrategy;
    }

    /// <summary>The error names this retrier matches (may include <c>States.ALL</c>, which must then be alone and last).</summary>
    public IReadOnlyList<string> ErrorEquals { get; }

    /// <summary>Seconds before the first retry; default 1.</summary>
    public int IntervalSeconds { get; }

    /// <summary>Maximum number of retries; default 3. Zero means the error is never retried.</summary>
    public int MaxAttempts { get; }

    /// <summary>Multiplier applied to the interval after each attempt; default 2.0.</summary>
    public double BackoffRate { get; }

    /// <summary>Upper bound for any single retry delay, in seconds; null when absent.</summary>
    public int? MaxDelaySeconds { get; }

    /// <summary>NONE (the default) or FULL.</summary>
    public JitterStrategy JitterStrategy { get; }

    internal static Retrier Read(JsonObject json, string where)
    {
        var errors = ModelReader.ReadStringList(json, "ErrorEquals", where);
        int interval = ModelReader.ReadOptionalInt32(json, "IntervalSeconds", where) ?? 1;
        int maxAttempts = ModelReader.ReadOptionalInt32(json, "MaxAttempts", where) ?? 3;
        double backoff = ModelReader.ReadOptionalDouble(json, "BackoffRate", where) ?? 2.0;
        int? maxDelay = ModelReader.ReadOptionalInt32(json, "MaxDelaySeconds", where);
        var jitter = ModelReader.ReadOptionalString(json, "JitterStrategy", where) switch
        {
            null or "NONE" => JitterStrategy.None,
            "FULL" => JitterStrategy.Full,
            var other => throw new FormatException($"{where}: unknown JitterStrategy '{other}'."),
        };
        return new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter);
    }
}
