namespace Stepwise.Runtime.Testing;

/// <summary>Which retrier or catcher handled the tested state's error.</summary>
/// <param name="CatchIndex">The index of the catcher that handled the error.</param>
/// <param name="RetryIndex">The index of the retrier that matched the error (also when it had no attempts left).</param>
/// <param name="RetryBackoffIntervalSeconds">The delay before the retry, in whole seconds, when one is scheduled.</param>
public sealed record InspectionErrorDetails(int? CatchIndex, int? RetryIndex, long? RetryBackoffIntervalSeconds);
