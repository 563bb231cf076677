using Stepwise.Json;

namespace Stepwise.Runtime.Serialization;

/// <summary>Converts <see cref="ExecutionInfo"/> to and from the JSON document a store keeps.</summary>
public static class ExecutionInfoSerializer
{
    /// <summary>The execution's identity and input as a JSON object (times as UTC ticks).</summary>
    public static JsonObject ToJson(ExecutionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var builder = new JsonObjectBuilder(9)
            .Set("executionArn", info.ExecutionArn)
            .Set("executionName", info.ExecutionName)
            .Set("stateMachineArn", info.StateMachineArn)
            .Set("stateMachineName", info.StateMachineName)
            .Set("roleArn", info.RoleArn)
            .Set("region", info.Region)
            .Set("startTime", JsonFields.Time(info.StartTime))
            .Set("input", info.Input);
        if (info.RedriveCount is int redriveCount)
        {
            builder.Set("redriveCount", redriveCount);
        }

        return builder.ToObject();
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; throws <see cref="FormatException"/> for a corrupt document.</summary>
    public static ExecutionInfo FromJson(JsonValue json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var obj = json.AsObject();
        int? redriveCount = JsonFields.Optional(obj, "redriveCount") is null ? null : JsonFields.Int32(obj, "redriveCount");
        return new ExecutionInfo(
            JsonFields.String(obj, "executionArn"),
            JsonFields.String(obj, "executionName"),
            JsonFields.String(obj, "stateMachineArn"),
            JsonFields.String(obj, "stateMachineName"),
            JsonFields.String(obj, "roleArn"),
            JsonFields.String(obj, "region"),
            JsonFields.Time(obj, "startTime"),
            JsonFields.Required(obj, "input"),
            redriveCount);
    }
}
