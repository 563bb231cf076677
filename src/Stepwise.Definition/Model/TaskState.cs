using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>A <c>Task</c> state.</summary>
public sealed class TaskState : State
{
    internal TaskState(string name, JsonObject json)
        : base(name, json)
    {
        string where = $"State '{name}'";
        Resource = ModelReader.ReadRequiredString(json, "Resource", where);
        Parameters = ModelReader.ReadOptionalTemplate(json, "Parameters", where);
        ResultSelector = ModelReader.ReadOptionalTemplate(json, "ResultSelector", where);
        ResultPath = ResultPathField.Read(json, "ResultPath", where);
        Retry = ModelReader.ReadRetry(json, where);
        Catch = ModelReader.ReadCatch(json, where);
        TimeoutSeconds = ModelReader.ReadOptionalInt64OrExpression(json, "TimeoutSeconds", where, out var timeoutExpression);
        TimeoutSecondsExpression = timeoutExpression;
        TimeoutSecondsPath = ModelReader.ReadOptionalPath(json, "TimeoutSecondsPath", where);
        HeartbeatSeconds = ModelReader.ReadOptionalInt64OrExpression(json, "HeartbeatSeconds", where, out var heartbeatExpression);
        HeartbeatSecondsExpression = heartbeatExpression;
        HeartbeatSecondsPath = ModelReader.ReadOptionalPath(json, "HeartbeatSecondsPath", where);
        Credentials = json["Credentials"];
        CredentialsTemplate = ModelReader.ReadOptionalTemplate(json, "Credentials", where);
        Arguments = json["Arguments"];
    }

    /// <inheritdoc/>
    public override StateType Type => StateType.Task;

    /// <summary>The resource ARN (service integration, Lambda function, activity).</summary>
    public string Resource { get; }

    /// <summary>The compiled <c>Parameters</c> template.</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary>The compiled <c>ResultSelector</c> template.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary><c>ResultPath</c>.</summary>
    public ResultPathField ResultPath { get; }

    /// <summary>The retriers, in order.</summary>
    public IReadOnlyList<Retrier> Retry { get; }

    /// <summary>The catchers, in order.</summary>
    public IReadOnlyList<Catcher> Catch { get; }

    /// <summary><c>TimeoutSeconds</c>; null when absent (AWS then waits up to the execution's own limit).</summary>
    public long? TimeoutSeconds { get; }

    /// <summary><c>TimeoutSeconds</c> written as a JSONata expression, kept raw.</summary>
    public JsonValue? TimeoutSecondsExpression { get; }

    /// <summary><c>HeartbeatSeconds</c> written as a JSONata expression, kept raw.</summary>
    public JsonValue? HeartbeatSecondsExpression { get; }

    /// <summary><c>TimeoutSecondsPath</c>.</summary>
    public AslPath? TimeoutSecondsPath { get; }

    /// <summary><c>HeartbeatSeconds</c>; null when absent.</summary>
    public long? HeartbeatSeconds { get; }

    /// <summary><c>HeartbeatSecondsPath</c>.</summary>
    public AslPath? HeartbeatSecondsPath { get; }

    /// <summary><c>Credentials</c>, kept raw.</summary>
    public JsonValue? Credentials { get; }

    /// <summary><c>Credentials</c> compiled as a payload template (<c>"RoleArn.$"</c>), for JSONPath states.</summary>
    public PayloadTemplate? CredentialsTemplate { get; }

    /// <summary>JSONata <c>Arguments</c>, kept raw.</summary>
    public JsonValue? Arguments { get; }
}
