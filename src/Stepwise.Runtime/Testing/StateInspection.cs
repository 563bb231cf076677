using Stepwise.Json;

namespace Stepwise.Runtime.Testing;

/// <summary>
/// The values a tested state's data flow went through (TestState's <c>inspectionData</c>): each is null when the
/// state has no such step. JSONPath states report InputPath, Parameters, the result, ResultSelector and ResultPath;
/// JSONata states report Arguments and the result.
/// </summary>
public sealed class StateInspection
{
    /// <summary>The state's raw input.</summary>
    public JsonValue? Input { get; internal set; }

    /// <summary>The input after InputPath.</summary>
    public JsonValue? AfterInputPath { get; internal set; }

    /// <summary>A Map state's items after ItemsPath (or as its ItemReader read them).</summary>
    public JsonValue? AfterItemsPath { get; internal set; }

    /// <summary>The effective input after Parameters (Pass) or the task's parameters (Task).</summary>
    public JsonValue? AfterParameters { get; internal set; }

    /// <summary>A JSONata Task's evaluated Arguments.</summary>
    public JsonValue? AfterArguments { get; internal set; }

    /// <summary>The state's result: the task's or mock's output, or a Pass state's Result.</summary>
    public JsonValue? Result { get; internal set; }

    /// <summary>The result after ResultSelector.</summary>
    public JsonValue? AfterResultSelector { get; internal set; }

    /// <summary>The output after ResultPath (before OutputPath).</summary>
    public JsonValue? AfterResultPath { get; internal set; }

    /// <summary>The variables after the state ran: those given to the test and those the state assigned.</summary>
    public JsonObject? Variables { get; internal set; }

    /// <summary>A Map state's MaxConcurrency as evaluated (0 when unbounded).</summary>
    public long? MaxConcurrency { get; internal set; }

    /// <summary>A Map state's ToleratedFailureCount as evaluated; null when it has none.</summary>
    public long? ToleratedFailureCount { get; internal set; }

    /// <summary>A Map state's ToleratedFailurePercentage as evaluated; null when it has none.</summary>
    public double? ToleratedFailurePercentage { get; internal set; }

    /// <summary>Which retrier or catcher handled an error; null when none matched.</summary>
    public InspectionErrorDetails? ErrorDetails { get; internal set; }
}
