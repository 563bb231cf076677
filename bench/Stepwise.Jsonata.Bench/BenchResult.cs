namespace Stepwise.Jsonata.Bench;

/// <summary>The timing of one case: evaluations per second over the timed window, and the median evaluation.</summary>
internal readonly record struct BenchResult(string Id, double EvaluationsPerSecond, double MedianMicroseconds, double CompileMicroseconds);
