namespace Stepwise.Storage.Executions;

/// <summary>
/// A step that redrives a closed execution: the store sets it RUNNING again (clearing its stop date, output, error
/// and cause) and records the redrive's count and date.
/// </summary>
/// <param name="RedriveCount">The execution's redrive count after this redrive (1 for the first).</param>
/// <param name="RedriveDate">When the redrive happened.</param>
public sealed record ExecutionRedrive(int RedriveCount, DateTimeOffset RedriveDate);
