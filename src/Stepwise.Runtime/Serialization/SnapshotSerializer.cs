using System.Collections.Immutable;
using Stepwise.Json;
using Stepwise.Runtime.Decisions;

namespace Stepwise.Runtime.Serialization;

/// <summary>
/// Converts an <see cref="ExecutionSnapshot"/> to and from the JSON document a store keeps, so an execution can stop
/// between any two decisions and resume in another process. The document is versioned (<c>"v"</c>); JSON values of
/// the execution (inputs, outputs, Map items) are embedded as they are. A C# null is written by leaving the member
/// out, so a JSON <c>null</c> value reads back as JSON <c>null</c>.
/// </summary>
public static class SnapshotSerializer
{
    /// <summary>The document version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The snapshot as a JSON object.</summary>
    public static JsonObject ToJson(ExecutionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var builder = new JsonObjectBuilder(16)
            .Set("v", Version)
            .Set("info", ExecutionInfoSerializer.ToJson(snapshot.Info))
            .Set("nextEventId", snapshot.NextEventId)
            .Set("nextFrameId", snapshot.NextFrameId)
            .Set("nextTimerId", snapshot.NextTimerId)
            .Set("nextTaskId", snapshot.NextTaskId)
            .Set("executionTimerId", snapshot.ExecutionTimerId);
        if (snapshot.Outcome is ExecutionOutcome outcome)
        {
            builder.Set("outcome", JsonFields.Name(outcome));
        }

        SetIfNotNull(builder, "output", snapshot.Output);
        SetIfNotNull(builder, "error", snapshot.Error);
        SetIfNotNull(builder, "cause", snapshot.Cause);
        builder.Set("frames", WriteFrames(snapshot.Frames));
        builder.Set("timers", WriteTimers(snapshot.Timers));
        builder.Set("tasks", WriteTasks(snapshot.Tasks));
        return builder.ToObject();
    }

    /// <summary>The snapshot as compact JSON text.</summary>
    public static string Serialize(ExecutionSnapshot snapshot) => ToJson(snapshot).ToJsonString();

    /// <summary>Reads text written by <see cref="Serialize"/>; throws <see cref="FormatException"/> for a corrupt document.</summary>
    public static ExecutionSnapshot Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJson(JsonValue.Parse(json));
    }

    /// <summary>
    /// Reads what <see cref="ToJson"/> wrote; throws <see cref="FormatException"/> for a corrupt document or one
    /// written by another <see cref="Version"/>.
    /// </summary>
    public static ExecutionSnapshot FromJson(JsonValue json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var obj = json.AsObject();
        long version = JsonFields.Int64(obj, "v");
        if (version != Version)
        {
            throw new FormatException($"Snapshot version {version} is not supported (expected {Version}).");
        }

        return new ExecutionSnapshot(ExecutionInfoSerializer.FromJson(JsonFields.Required(obj, "info")))
        {
            Outcome = obj.ContainsKey("outcome") ? JsonFields.Enum<ExecutionOutcome>(obj, "outcome") : null,
            Output = obj["output"],
            Error = JsonFields.OptionalString(obj, "error"),
            Cause = JsonFields.OptionalString(obj, "cause"),
            NextEventId = JsonFields.Int64(obj, "nextEventId"),
            NextFrameId = JsonFields.Int32(obj, "nextFrameId"),
            NextTimerId = JsonFields.Int64(obj, "nextTimerId"),
            NextTaskId = JsonFields.Int64(obj, "nextTaskId"),
            ExecutionTimerId = JsonFields.Int64(obj, "executionTimerId"),
            Frames = ReadFrames(JsonFields.Required(obj, "frames").AsArray()),
            Timers = ReadTimers(JsonFields.Required(obj, "timers").AsArray()),
            Tasks = ReadTasks(JsonFields.Required(obj, "tasks").AsArray()),
        };
    }

    private static void SetIfNotNull(JsonObjectBuilder builder, string key, JsonValue? value)
    {
        if (value is not null)
        {
            builder.Set(key, value);
        }
    }

    private static void SetIfNotNull(JsonObjectBuilder builder, string key, string? value)
    {
        if (value is not null)
        {
            builder.Set(key, value);
        }
    }

    private static JsonArray WriteFrames(ImmutableDictionary<int, Frame> frames)
    {
        var ids = SortedKeys(frames);
        var items = new JsonValue[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            items[i] = WriteFrame(frames[ids[i]]);
        }

        return JsonArray.TakeOwnership(items);
    }

    private static JsonObject WriteFrame(Frame frame)
    {
        var builder = new JsonObjectBuilder(28)
            .Set("id", frame.Id)
            .Set("parentId", frame.ParentId)
            .Set("kind", JsonFields.Name(frame.Kind))
            .Set("graphIndex", frame.GraphIndex)
            .Set("index", frame.Index)
            .Set("stateName", frame.StateName)
            .Set("phase", JsonFields.Name(frame.Phase))
            .Set("stateInput", frame.StateInput);
        SetIfNotNull(builder, "effectiveInput", frame.EffectiveInput);
        builder.Set("enteredTime", JsonFields.Time(frame.EnteredTime))
            .Set("enteredEventId", frame.EnteredEventId)
            .Set("retryCount", frame.RetryCount);
        var attempts = new JsonValue[frame.RetrierAttempts.Length];
        for (int i = 0; i < attempts.Length; i++)
        {
            attempts[i] = frame.RetrierAttempts[i];
        }

        builder.Set("retrierAttempts", JsonArray.TakeOwnership(attempts))
            .Set("lastEventId", frame.LastEventId)
            .Set("taskId", frame.TaskId)
            .Set("timerId", frame.TimerId)
            .Set("heartbeatTimerId", frame.HeartbeatTimerId)
            .Set("heartbeatSeconds", frame.HeartbeatSeconds);
        SetIfNotNull(builder, "taskToken", frame.TaskToken);
        if (frame.FanOut is { } fanOut)
        {
            builder.Set("fanOut", WriteFanOut(fanOut));
        }

        if (frame.RedriveResults is { } redriveResults)
        {
            builder.Set("redriveResults", WriteSlots(redriveResults));
        }

        if (frame.LastMapRunArn is { } lastMapRunArn)
        {
            builder.Set("lastMapRunArn", lastMapRunArn).Set("lastMapRunRedriveCount", frame.LastMapRunRedriveCount);
            if (frame.RedriveMapRun)
            {
                builder.Set("redriveMapRun", true);
            }
        }

        builder.Set("failed", frame.Failed);
        SetIfNotNull(builder, "output", frame.Output);
        SetIfNotNull(builder, "error", frame.Error);
        SetIfNotNull(builder, "cause", frame.Cause);
        return builder.ToObject();
    }

    private static JsonObject WriteFanOut(FanOut fanOut)
    {
        var ids = fanOut.ChildIds;
        var childIds = new JsonValue[ids.Length];
        for (int i = 0; i < childIds.Length; i++)
        {
            childIds[i] = ids[i];
        }

        var builder = new JsonObjectBuilder(14)
            .Set("items", JsonArray.Create(fanOut.Items))
            .Set("results", WriteSlots(fanOut.Results))
            .Set("childIds", JsonArray.TakeOwnership(childIds))
            .Set("effectiveInput", fanOut.EffectiveInput)
            .Set("maxConcurrency", fanOut.MaxConcurrency)
            .Set("toleratedFailureCount", fanOut.ToleratedFailureCount)
            .Set("toleratedFailurePercentage", fanOut.ToleratedFailurePercentage)
            .Set("nextItem", fanOut.NextItem)
            .Set("running", fanOut.Running)
            .Set("completed", fanOut.Completed)
            .Set("failures", fanOut.Failures)
            .Set("lastCompletionEventId", fanOut.LastCompletionEventId)
            .Set("failedItems", WriteFailedItems(fanOut.FailedItems));
        SetIfNotNull(builder, "mapRunArn", fanOut.MapRunArn);
        return builder.ToObject();
    }

    /// <summary>Result slots: a slot may hold JSON null, so each is an array, [] while empty and [value] once set.</summary>
    private static JsonArray WriteSlots(ReadOnlySpan<JsonValue?> slots)
    {
        var items = new JsonValue[slots.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = slots[i] is { } value ? JsonArray.Create(value) : JsonArray.Empty;
        }

        return JsonArray.TakeOwnership(items);
    }

    private static JsonValue?[] ReadSlots(JsonArray array)
    {
        var slots = new JsonValue?[array.Count];
        for (int i = 0; i < slots.Length; i++)
        {
            var slotArray = array[i].AsArray();
            slots[i] = slotArray.Count == 0 ? null : slotArray[0];
        }

        return slots;
    }

    private static JsonArray WriteFailedItems(ImmutableHashSet<int> failed)
    {
        // Sorted so that equal snapshots give equal documents.
        var indexes = new int[failed.Count];
        int n = 0;
        foreach (int index in failed)
        {
            indexes[n++] = index;
        }

        Array.Sort(indexes);
        var items = new JsonValue[indexes.Length];
        for (int i = 0; i < indexes.Length; i++)
        {
            items[i] = indexes[i];
        }

        return JsonArray.TakeOwnership(items);
    }

    private static JsonArray WriteTimers(ImmutableDictionary<long, PendingTimer> timers)
    {
        var ids = SortedKeys(timers);
        var items = new JsonValue[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            var timer = timers[ids[i]];
            items[i] = new JsonObjectBuilder(4)
                .Set("id", ids[i])
                .Set("frameId", timer.FrameId)
                .Set("purpose", JsonFields.Name(timer.Purpose))
                .Set("dueTime", JsonFields.Time(timer.DueTime))
                .ToObject();
        }

        return JsonArray.TakeOwnership(items);
    }

    private static JsonArray WriteTasks(ImmutableDictionary<long, PendingTask> tasks)
    {
        var ids = SortedKeys(tasks);
        var items = new JsonValue[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            var task = tasks[ids[i]];
            // The resource is derived from its ARN alone, so the ARN is all that needs keeping.
            items[i] = new JsonObjectBuilder(4)
                .Set("id", ids[i])
                .Set("frameId", task.FrameId)
                .Set("resource", task.Resource.Arn)
                .Set("started", task.Started)
                .ToObject();
        }

        return JsonArray.TakeOwnership(items);
    }

    private static ImmutableDictionary<int, Frame> ReadFrames(JsonArray array)
    {
        var builder = ImmutableDictionary.CreateBuilder<int, Frame>();
        foreach (var item in array)
        {
            var frame = ReadFrame(item.AsObject());
            builder.Add(frame.Id, frame);
        }

        return builder.ToImmutable();
    }

    private static Frame ReadFrame(JsonObject obj)
    {
        var attemptsJson = JsonFields.Required(obj, "retrierAttempts").AsArray();
        var attempts = new int[attemptsJson.Count];
        for (int i = 0; i < attempts.Length; i++)
        {
            attempts[i] = attemptsJson[i].AsNumber().TryGetInt32(out int n) ? n : throw new FormatException("Stored document has an invalid 'retrierAttempts'.");
        }

        return new Frame
        {
            Id = JsonFields.Int32(obj, "id"),
            ParentId = JsonFields.Int32(obj, "parentId"),
            Kind = JsonFields.Enum<FrameKind>(obj, "kind"),
            GraphIndex = JsonFields.Int32(obj, "graphIndex"),
            Index = JsonFields.Int32(obj, "index"),
            StateName = JsonFields.String(obj, "stateName"),
            Phase = JsonFields.Enum<FramePhase>(obj, "phase"),
            StateInput = JsonFields.Required(obj, "stateInput"),
            EffectiveInput = obj["effectiveInput"],
            EnteredTime = JsonFields.Time(obj, "enteredTime"),
            EnteredEventId = JsonFields.Int64(obj, "enteredEventId"),
            RetryCount = JsonFields.Int32(obj, "retryCount"),
            RetrierAttempts = attempts,
            LastEventId = JsonFields.Int64(obj, "lastEventId"),
            TaskId = JsonFields.Int64(obj, "taskId"),
            TimerId = JsonFields.Int64(obj, "timerId"),
            HeartbeatTimerId = JsonFields.Int64(obj, "heartbeatTimerId"),
            HeartbeatSeconds = JsonFields.Int64(obj, "heartbeatSeconds"),
            TaskToken = JsonFields.OptionalString(obj, "taskToken"),
            FanOut = obj["fanOut"] is JsonObject fanOut ? ReadFanOut(fanOut) : null,
            Failed = JsonFields.Boolean(obj, "failed"),
            Output = obj["output"],
            Error = JsonFields.OptionalString(obj, "error"),
            Cause = JsonFields.OptionalString(obj, "cause"),
            RedriveResults = obj["redriveResults"] is JsonArray redriveResults ? ReadSlots(redriveResults) : null,
            LastMapRunArn = JsonFields.OptionalString(obj, "lastMapRunArn"),
            LastMapRunRedriveCount = JsonFields.Int32(obj, "lastMapRunRedriveCount"),
            RedriveMapRun = JsonFields.Boolean(obj, "redriveMapRun"),
        };
    }

    private static FanOut ReadFanOut(JsonObject obj)
    {
        var itemsJson = JsonFields.Required(obj, "items").AsArray();
        var items = itemsJson.AsSpan().ToArray();
        var failedItems = ImmutableHashSet.CreateBuilder<int>();
        if (obj["failedItems"] is JsonArray failed)
        {
            foreach (var index in failed)
            {
                failedItems.Add(index.AsNumber().TryGetInt32(out int n) ? n : throw new FormatException("Stored document has an invalid 'failedItems'."));
            }
        }

        var idsJson = JsonFields.Required(obj, "childIds").AsArray();
        var childIds = new int[idsJson.Count];
        for (int i = 0; i < childIds.Length; i++)
        {
            childIds[i] = idsJson[i].AsNumber().TryGetInt32(out int n) ? n : throw new FormatException("Stored document has an invalid 'childIds'.");
        }

        var fanOut = new FanOut
        {
            Items = items,
            FailedItems = failedItems.ToImmutable(),
            EffectiveInput = JsonFields.Required(obj, "effectiveInput"),
            MaxConcurrency = JsonFields.Int64(obj, "maxConcurrency"),
            ToleratedFailureCount = JsonFields.Int64(obj, "toleratedFailureCount"),
            ToleratedFailurePercentage = JsonFields.Double(obj, "toleratedFailurePercentage", -1),
            NextItem = JsonFields.Int32(obj, "nextItem"),
            Running = JsonFields.Int32(obj, "running"),
            Completed = JsonFields.Int32(obj, "completed"),
            Failures = JsonFields.Int32(obj, "failures"),
            LastCompletionEventId = JsonFields.Int64(obj, "lastCompletionEventId"),
            MapRunArn = JsonFields.OptionalString(obj, "mapRunArn"),
        };
        fanOut.LoadSlots(ReadSlots(JsonFields.Required(obj, "results").AsArray()), childIds);
        return fanOut;
    }

    private static ImmutableDictionary<long, PendingTimer> ReadTimers(JsonArray array)
    {
        var builder = ImmutableDictionary.CreateBuilder<long, PendingTimer>();
        foreach (var item in array)
        {
            var obj = item.AsObject();
            builder.Add(JsonFields.Int64(obj, "id"), new PendingTimer(JsonFields.Int32(obj, "frameId"),
                JsonFields.Enum<TimerPurpose>(obj, "purpose"), JsonFields.Time(obj, "dueTime")));
        }

        return builder.ToImmutable();
    }

    private static ImmutableDictionary<long, PendingTask> ReadTasks(JsonArray array)
    {
        var builder = ImmutableDictionary.CreateBuilder<long, PendingTask>();
        foreach (var item in array)
        {
            var obj = item.AsObject();
            builder.Add(JsonFields.Int64(obj, "id"), new PendingTask(JsonFields.Int32(obj, "frameId"),
                TaskResource.Parse(JsonFields.String(obj, "resource")), JsonFields.Boolean(obj, "started")));
        }

        return builder.ToImmutable();
    }

    /// <summary>The keys in ascending order, so that equal snapshots give equal documents.</summary>
    private static TKey[] SortedKeys<TKey, TValue>(ImmutableDictionary<TKey, TValue> map)
        where TKey : notnull
    {
        var keys = new TKey[map.Count];
        int n = 0;
        foreach (var pair in map)
        {
            keys[n++] = pair.Key;
        }

        Array.Sort(keys);
        return keys;
    }
}
