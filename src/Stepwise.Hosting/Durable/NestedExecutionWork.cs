using Stepwise.Json;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The work items that link a nested <c>.sync</c> task and its child, each enqueued in the commit of the step that
/// causes it, so a crash cannot lose it: <see cref="WorkKinds.AnswerParent"/> (the child finished) and
/// <see cref="WorkKinds.StopChild"/> (the parent no longer waits).
/// </summary>
internal static class NestedExecutionWork
{
    public const string StartExecution = "arn:aws:states:::states:startExecution";
    public const string StartExecutionSync = StartExecution + ".sync";
    public const string StartExecutionSync2 = StartExecution + ".sync:2";

    /// <summary>Whether <paramref name="resource"/> starts a child and waits for it (<c>.sync</c> or <c>.sync:2</c>).</summary>
    public static bool IsSyncStart(string? resource) =>
        string.Equals(resource, StartExecutionSync, StringComparison.Ordinal) || string.Equals(resource, StartExecutionSync2, StringComparison.Ordinal);

    /// <summary>Answers <paramref name="parent"/> with the outcome of <paramref name="childArn"/>, whose completion is event <paramref name="lastEventId"/>.</summary>
    public static WorkItem AnswerParent(ParentTask parent, string childArn, long lastEventId, DateTimeOffset now)
    {
        string payload = JsonObject.Create(
            ("parentArn", (JsonValue)parent.ExecutionArn),
            ("taskId", JsonNumber.FromInt64(parent.TaskId)),
            ("parsed", parent.Parsed ? JsonValue.True : JsonValue.False),
            ("requestId", parent.RequestId),
            ("childArn", childArn)).ToJsonString();
        // A redriven child finishes again: each completion is its own item (the parent ignores an answer it no longer waits for).
        return new WorkItem($"{childArn}#answer-parent-{lastEventId}", WorkKinds.AnswerParent, parent.ExecutionArn, payload, now);
    }

    public static (ParentTask Parent, string ChildArn) ReadAnswerParent(string payload)
    {
        var obj = JsonValue.Parse(payload).AsObject();
        var parent = new ParentTask(obj["parentArn"]!.AsString(),
            obj["taskId"]!.AsNumber().TryGetInt64(out long taskId) ? taskId : throw new FormatException("Answer-parent work without a task id."),
            obj["parsed"] is { Kind: JsonValueKind.True }, obj["requestId"]!.AsString());
        return (parent, obj["childArn"]!.AsString());
    }

    /// <summary>Stops <paramref name="childArn"/>, whose parent's task <paramref name="taskId"/> is no longer awaited.</summary>
    public static WorkItem StopChild(string parentArn, long taskId, string childArn, DateTimeOffset now) =>
        new($"{parentArn}#stop-child-{taskId}", WorkKinds.StopChild, childArn, JsonObject.Create(("childArn", (JsonValue)childArn)).ToJsonString(), now);

    public static string ReadStopChild(string payload) => JsonValue.Parse(payload).AsObject()["childArn"]!.AsString();
}
