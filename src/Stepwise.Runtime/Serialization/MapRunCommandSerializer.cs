using Stepwise.Json;
using Stepwise.Runtime.MapRuns;

namespace Stepwise.Runtime.Serialization;

/// <summary>
/// Converts a <see cref="StartMapRunCommand"/> to and from JSON, so a durable host can keep the run's work (and
/// resume it after a crash) with everything the command carries.
/// </summary>
public static class MapRunCommandSerializer
{
    /// <summary>The command as a JSON object.</summary>
    public static JsonObject ToJson(StartMapRunCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var scope = command.ItemScope;
        var builder = new JsonObjectBuilder(12)
            .Set("mapRunArn", command.MapRunArn)
            .Set("stateName", command.StateName)
            .Set("childDefinition", command.ChildDefinition)
            .Set("childType", command.ChildType)
            .Set("maxConcurrency", command.MaxConcurrency)
            .Set("toleratedFailureCount", command.ToleratedFailureCount)
            .Set("toleratedFailurePercentage", command.ToleratedFailurePercentage)
            .Set("itemScope", new JsonObjectBuilder(9)
                .Set("info", ExecutionInfoSerializer.ToJson(scope.Info))
                .Set("graphIndex", scope.GraphIndex)
                .Set("stateName", scope.StateName)
                .Set("stateInput", scope.StateInput)
                .Set("effectiveInput", scope.EffectiveInput)
                .Set("enteredTime", JsonFields.Time(scope.EnteredTime))
                .Set("enteredEventId", scope.EnteredEventId)
                .Set("retryCount", scope.RetryCount)
                .Set("variables", scope.Variables)
                .ToObject());
        if (command.RedriveCount > 0)
        {
            builder.Set("redriveCount", command.RedriveCount);
        }

        if (command.Items is { } items)
        {
            builder.Set("items", items);
        }

        if (command.Reader is { } reader)
        {
            builder.Set("reader", JsonObject.Create(("resource", (JsonValue)reader.Resource), ("arguments", reader.Arguments),
                ("readerConfig", reader.ReaderConfig)));
        }

        if (command.Batcher is { } batcher)
        {
            var batch = new JsonObjectBuilder(3)
                .Set("maxItemsPerBatch", batcher.MaxItemsPerBatch)
                .Set("maxInputBytesPerBatch", batcher.MaxInputBytesPerBatch);
            if (batcher.BatchInput is not null)
            {
                batch.Set("batchInput", batcher.BatchInput);
            }

            builder.Set("batcher", batch.ToObject());
        }

        if (command.Writer is { } writer)
        {
            var write = new JsonObjectBuilder(3).Set("resource", writer.Resource).Set("arguments", writer.Arguments);
            if (writer.WriterConfig is not null)
            {
                write.Set("writerConfig", writer.WriterConfig);
            }

            builder.Set("writer", write.ToObject());
        }

        return builder.ToObject();
    }

    /// <summary>Reads what <see cref="ToJson"/> wrote; throws <see cref="FormatException"/> for a corrupt document.</summary>
    public static StartMapRunCommand FromJson(JsonValue json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var obj = json.AsObject();
        var scope = JsonFields.Required(obj, "itemScope").AsObject();
        var itemScope = new MapItemScope(ExecutionInfoSerializer.FromJson(JsonFields.Required(scope, "info")), JsonFields.Int32(scope, "graphIndex"),
            JsonFields.String(scope, "stateName"), JsonFields.Required(scope, "stateInput"), JsonFields.Required(scope, "effectiveInput"),
            JsonFields.Time(scope, "enteredTime"), JsonFields.Int64(scope, "enteredEventId"), JsonFields.Int32(scope, "retryCount"),
            JsonFields.Required(scope, "variables").AsObject());
        var reader = obj["reader"] is JsonObject r
            ? new MapRunReader(JsonFields.String(r, "resource"), JsonFields.Required(r, "arguments").AsObject(), JsonFields.Required(r, "readerConfig").AsObject())
            : null;
        var batcher = obj["batcher"] is JsonObject b
            ? new MapRunBatcher(JsonFields.Int64(b, "maxItemsPerBatch"), JsonFields.Int64(b, "maxInputBytesPerBatch"), b["batchInput"])
            : null;
        var writer = obj["writer"] is JsonObject w
            ? new MapRunWriter(JsonFields.String(w, "resource"), JsonFields.Required(w, "arguments").AsObject(), w["writerConfig"] as JsonObject)
            : null;
        return new StartMapRunCommand(JsonFields.String(obj, "mapRunArn"), JsonFields.String(obj, "stateName"),
            JsonFields.Required(obj, "childDefinition").AsObject(), JsonFields.String(obj, "childType"), obj["items"] as JsonArray, reader, batcher,
            writer, JsonFields.Int64(obj, "maxConcurrency"), JsonFields.Int64(obj, "toleratedFailureCount"),
            JsonFields.Double(obj, "toleratedFailurePercentage", -1), itemScope, JsonFields.Int32(obj, "redriveCount"));
    }
}
