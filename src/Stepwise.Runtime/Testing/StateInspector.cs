using Stepwise.Json;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Testing;

/// <summary>
/// The Stepper's companion in a TestState run: it feeds the run's configuration in (a mocked context object, the
/// variables, retries already spent, a Map/Parallel mock), records the data flow as the Stepper's own code paths go
/// through it, and stops the run once the tested state has an outcome. A normal execution has none.
/// </summary>
internal sealed class StateInspector
{
    public StateInspector(StateTestOptions options, VariableScope variables)
    {
        Options = options;
        Variables = variables;
    }

    /// <summary>The run's input, context object, mock and configuration.</summary>
    public StateTestOptions Options { get; }

    /// <summary>A context object given by the caller: it replaces <c>$$</c> as given.</summary>
    public JsonObject? Context => Options.Context;

    /// <summary>The variables the tested state starts with.</summary>
    public VariableScope Variables { get; }

    /// <summary>How many retries every retrier has already used.</summary>
    public int RetrierRetryCount => Options.RetrierRetryCount;

    public StateInspection Data { get; } = new();

    /// <summary>True once the tested state exited, will be retried, or failed: the run goes no further.</summary>
    public bool Finished { get; private set; }

    public bool Retrying { get; private set; }

    public bool Caught { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public JsonValue? Output { get; private set; }

    public string? NextState { get; private set; }

    public void Failing(string? error, string? cause)
    {
        Error = error;
        Cause = cause;
    }

    public void Retry(int retrierIndex, TimeSpan delay)
    {
        Data.ErrorDetails = new InspectionErrorDetails(null, retrierIndex, (long)delay.TotalSeconds);
        Retrying = true;
        Finished = true;
    }

    public void RetriesExhausted(int retrierIndex) => Data.ErrorDetails = new InspectionErrorDetails(null, retrierIndex, null);

    public void Catch(int catcherIndex)
    {
        Data.ErrorDetails = new InspectionErrorDetails(catcherIndex, null, null);
        Caught = true;
    }

    public void Exited(JsonValue output, string? next)
    {
        Output = output;
        NextState = next;
        Finished = true;
    }
}
