using System.Globalization;
using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Hosting.Durable;

/// <summary>The payload of an <see cref="WorkKinds.InvokeTask"/> work item: the command, plus whose it is.</summary>
internal sealed record TaskWork(string ExecutionArn, string StateMachineName, string? MockTestCase, InvokeTaskCommand Command)
{
    /// <summary>
    /// Stable per task attempt (every attempt, retries included, gets a new task id): a redelivery after a crash has
    /// the same key, so an integration can recognise it.
    /// </summary>
    public static string IdempotencyKey(string executionArn, long taskId) => $"{executionArn}#task-{taskId}";

    /// <summary>
    /// <see cref="StableHash.Of"/> of <see cref="IdempotencyKey"/>, without spelling the key: a task answered inline
    /// never needs the key itself, only what is derived from it.
    /// </summary>
    public static ulong IdempotencyHash(string executionArn, long taskId)
    {
        // The hash of the key's start ("<arn>#task-") is kept for the execution asked last: an execution's tasks come
        // one after another (a chain answered inline asks once per task), and the ARN is most of the key's length.
        // Only the hash is kept, and the text it belongs to, so a race between two threads costs a recomputation at worst.
        var prefix = s_lastKeyPrefix;
        if (prefix is null || !string.Equals(prefix.ExecutionArn, executionArn, StringComparison.Ordinal))
        {
            prefix = new KeyPrefix(executionArn, StableHash.Of("#task-", StableHash.Of(executionArn)));
            s_lastKeyPrefix = prefix;
        }

        Span<char> digits = stackalloc char[20];
        taskId.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        return StableHash.Of(digits[..written], prefix.Hash);
    }

    private static KeyPrefix? s_lastKeyPrefix;

    /// <summary>The FNV state after an execution's key prefix: immutable, so it is published by one reference write.</summary>
    private sealed record KeyPrefix(string ExecutionArn, ulong Hash);

    public string Serialize()
    {
        var c = Command;
        var builder = new JsonObjectBuilder(12)
            .Set("executionArn", ExecutionArn)
            .Set("stateMachineName", StateMachineName)
            .Set("taskId", c.TaskId)
            .Set("stateName", c.StateName)
            .Set("resource", c.Resource)
            .Set("input", c.Input)
            .Set("context", c.Context);
        if (MockTestCase is not null)
        {
            builder.Set("mockTestCase", MockTestCase);
        }

        if (c.TaskToken is not null)
        {
            builder.Set("taskToken", c.TaskToken);
        }

        if (c.TimeoutSeconds is long timeout)
        {
            builder.Set("timeoutSeconds", timeout);
        }

        if (c.HeartbeatSeconds is long heartbeat)
        {
            builder.Set("heartbeatSeconds", heartbeat);
        }

        return builder.ToObject().ToJsonString();
    }

    public static TaskWork Deserialize(string json)
    {
        var obj = JsonValue.Parse(json).AsObject();
        var command = new InvokeTaskCommand(
            Int64(obj, "taskId") ?? throw new FormatException("Task work without a task id."),
            obj["stateName"]!.AsString(),
            obj["resource"]!.AsString(),
            obj["input"]!,
            obj["taskToken"]?.AsString(),
            obj["context"]!,
            Int64(obj, "timeoutSeconds"),
            Int64(obj, "heartbeatSeconds"));
        return new TaskWork(obj["executionArn"]!.AsString(), obj["stateMachineName"]!.AsString(), obj["mockTestCase"]?.AsString(), command);
    }

    private static long? Int64(JsonObject obj, string key) => obj[key] is JsonNumber n && n.TryGetInt64(out long value) ? value : null;
}
