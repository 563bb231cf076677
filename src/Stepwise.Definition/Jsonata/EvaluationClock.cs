namespace Stepwise.Definition.Jsonata;

/// <summary>
/// The clock JSONata's <c>$now()</c> and <c>$millis()</c> read in state expressions: the time of the decision being
/// made on this thread (<see cref="Use"/>), so evaluating the same history twice gives the same values. Outside a
/// decision it reads the system clock.
/// </summary>
public sealed class EvaluationClock : TimeProvider
{
    [ThreadStatic]
    private static DateTimeOffset? t_now;

    private EvaluationClock()
    {
    }

    /// <summary>The single instance the compile options use.</summary>
    public static EvaluationClock Instance { get; } = new();

    /// <summary>Makes <paramref name="now"/> the time expressions see on this thread until the scope is disposed.</summary>
    public static Scope Use(DateTimeOffset now)
    {
        var previous = t_now;
        t_now = now;
        return new Scope(previous);
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => t_now ?? System.GetUtcNow();

    /// <summary>Restores the clock that was in use before <see cref="Use"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly DateTimeOffset? _previous;

        internal Scope(DateTimeOffset? previous) => _previous = previous;

        /// <inheritdoc/>
        public void Dispose() => t_now = _previous;
    }
}
