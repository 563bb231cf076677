namespace Stepwise.Api.TestState;

/// <summary>The <c>TestState</c> request; JSON values travel as JSON text, as AWS's API takes them.</summary>
/// <param name="Definition">One state, or a whole state machine with <paramref name="StateName"/>.</param>
/// <param name="RoleArn">The execution role; required to test a Task state without a mock.</param>
/// <param name="Input">The state's input (JSON text); default <c>{}</c>.</param>
/// <param name="InspectionLevel"><c>INFO</c> (the default), <c>DEBUG</c> or <c>TRACE</c>.</param>
/// <param name="RevealSecrets">Show HTTP Task secrets; not allowed with a mock.</param>
/// <param name="Variables">Variables the state can read (a JSON object as text).</param>
/// <param name="StateName">The state of <paramref name="Definition"/> to test when it is a whole state machine.</param>
/// <param name="Mock">A result or error to use instead of the state's resource, iterations or branches.</param>
/// <param name="Context">The context object (a JSON object as text).</param>
/// <param name="StateConfiguration">Retries already spent, failed Map iterations, the state a mocked error comes from.</param>
public sealed record TestStateRequest(
    string? Definition = null,
    string? RoleArn = null,
    string? Input = null,
    string? InspectionLevel = null,
    bool? RevealSecrets = null,
    string? Variables = null,
    string? StateName = null,
    TestStateMockInput? Mock = null,
    string? Context = null,
    TestStateConfiguration? StateConfiguration = null);

/// <summary>TestState's <c>mock</c>: exactly one of <paramref name="Result"/> and <paramref name="ErrorOutput"/>.</summary>
/// <param name="Result">The mocked result, as JSON text.</param>
/// <param name="ErrorOutput">The mocked error.</param>
/// <param name="FieldValidationMode"><c>STRICT</c> (the default), <c>PRESENT</c> or <c>NONE</c>.</param>
public sealed record TestStateMockInput(string? Result = null, TestStateMockError? ErrorOutput = null, string? FieldValidationMode = null);

/// <summary>A mocked error.</summary>
/// <param name="Error">The error name.</param>
/// <param name="Cause">The cause.</param>
public sealed record TestStateMockError(string? Error = null, string? Cause = null);

/// <summary>TestState's <c>stateConfiguration</c>.</summary>
/// <param name="RetrierRetryCount">Retries the retrier matching the mocked error has already used.</param>
/// <param name="ErrorCausedByState">The state inside a Map or Parallel a mocked error comes from.</param>
/// <param name="MapIterationFailureCount">How many of a mocked Map's iterations failed.</param>
/// <param name="MapItemReaderData">What a Distributed Map's ItemReader reads (JSON text).</param>
public sealed record TestStateConfiguration(int? RetrierRetryCount = null, string? ErrorCausedByState = null,
    int? MapIterationFailureCount = null, string? MapItemReaderData = null);

/// <summary>The <c>TestState</c> response.</summary>
/// <param name="Status"><c>SUCCEEDED</c>, <c>FAILED</c>, <c>RETRIABLE</c> or <c>CAUGHT_ERROR</c>.</param>
/// <param name="Output">The state's output (JSON text).</param>
/// <param name="Error">The error, when the state failed.</param>
/// <param name="Cause">The error's cause.</param>
/// <param name="NextState">The state the execution would go to next.</param>
/// <param name="InspectionData">The data flow's steps (DEBUG and TRACE).</param>
public sealed record TestStateResponse(string Status, string? Output, string? Error, string? Cause, string? NextState,
    TestStateInspectionData? InspectionData);

/// <summary>TestState's <c>inspectionData</c>: each value as JSON text, absent when the state has no such step.</summary>
public sealed record TestStateInspectionData(
    string? Input = null,
    string? AfterArguments = null,
    string? AfterInputPath = null,
    string? AfterItemsPath = null,
    string? AfterParameters = null,
    string? Result = null,
    string? AfterResultSelector = null,
    string? AfterResultPath = null,
    string? Variables = null,
    TestStateErrorDetails? ErrorDetails = null,
    long? MaxConcurrency = null,
    long? ToleratedFailureCount = null,
    double? ToleratedFailurePercentage = null);

/// <summary>Which retrier or catcher handled the tested state's error.</summary>
public sealed record TestStateErrorDetails(int? CatchIndex = null, int? RetryIndex = null, long? RetryBackoffIntervalSeconds = null);
