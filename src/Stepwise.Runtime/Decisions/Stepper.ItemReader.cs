using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

/// <summary>
/// A distributed Map's ItemReader: the host reads the items (S3 or the operator's local root), as a task of the Map
/// state that records no task events, after MapRunStarted.
/// </summary>
internal sealed partial class Stepper
{
    /// <summary>
    /// Whether the Map's items come from its ItemReader, read by the host. TestState never reads: it takes the reader's
    /// data from its <c>mapItemReaderData</c> (<see cref="ItemReaderDataInTest"/>). AWS then ignores ItemsPath (the corpus's
    /// INVALID_ITEMS_PATH case reads the object's items although the path selects nothing).
    /// </summary>
    private bool ReadsItems(MapState state) => state.ItemReader is not null && Inspector is null;

    /// <summary>
    /// Asks the host to read the items: <see cref="InvokeTaskCommand"/> with the reader's Resource and
    /// <c>{"Arguments": …, "ReaderConfig": …}</c> as input, Parameters/Arguments and ReaderConfig evaluated against the
    /// state's effective input (MaxItemsPath resolved into MaxItems). The Map frame waits on it as on a task.
    /// </summary>
    private void StartItemRead(Frame frame, MapState state, JsonValue effective)
    {
        var reader = state.ItemReader!.AsObject();
        string resource = reader["Resource"]!.AsString();
        if (!TryEvaluateReader(frame, state, reader, effective, out var arguments, out var config))
        {
            return;
        }

        long taskId = _snapshot.NextTaskId++;
        _snapshot.Tasks = _snapshot.Tasks.SetItem(taskId, new PendingTask(frame.Id, TaskResource.Parse(resource), Started: false));
        frame.TaskId = taskId;
        frame.Phase = FramePhase.WaitingTask;
        var input = JsonObject.Create(("Arguments", (JsonValue)arguments), ("ReaderConfig", config));
        Commands.Add(new InvokeTaskCommand(taskId, state.Name, resource, input, null, BuildContext(frame, state), null, null));
    }

    private bool TryEvaluateReader(Frame frame, MapState state, JsonObject reader, JsonValue effective, out JsonObject arguments, out JsonObject config)
    {
        arguments = JsonObject.Empty;
        config = reader["ReaderConfig"] as JsonObject ?? JsonObject.Empty;
        if (IsJsonata(state))
        {
            var bindings = JsonataScope(frame, state);
            JsonValue evaluatedArguments = JsonObject.Empty;
            JsonValue evaluatedConfig = config;
            if ((reader["Arguments"] is { } raw && !TryEvaluateJsonata(frame, state, raw, "Arguments", bindings, out evaluatedArguments))
                || (config.Count > 0 && !TryEvaluateJsonata(frame, state, config, "ReaderConfig", bindings, out evaluatedConfig)))
            {
                return false;
            }

            arguments = evaluatedArguments as JsonObject ?? JsonObject.Empty;
            config = evaluatedConfig as JsonObject ?? JsonObject.Empty;
            return true;
        }

        if (reader["Parameters"] is { } parameters)
        {
            if (!TryApplyTemplate(frame, state, PayloadTemplate.Compile(parameters), Scope(frame, state, effective), out var evaluated))
            {
                return false;
            }

            arguments = evaluated as JsonObject ?? JsonObject.Empty;
        }

        if (config["MaxItemsPath"] is JsonString path)
        {
            if (!TryEvaluatePath(frame, state, AslPath.Parse(path.Value), effective, out var maxItems))
            {
                return false;
            }

            // A string holding an integer counts as that integer (the corpus's MAP_STATE_REFERENCE_IN_MAX_ITEMS_PATH reads
            // "2" from a variable); the reader judges the rest (AWS fails a negative or non-numeric one with
            // States.ItemReaderFailed).
            if (maxItems is JsonString && TryReadMapCount(maxItems, out long count))
            {
                maxItems = count;
            }

            var resolved = new JsonObjectBuilder(config.Count);
            foreach (var (key, value) in config)
            {
                resolved.Set(key == "MaxItemsPath" ? "MaxItems" : key, key == "MaxItemsPath" ? maxItems : value);
            }

            config = resolved.ToObject();
        }

        return true;
    }

    /// <summary>The host read the items: the run goes on with them (ItemBatcher, then the iterations).</summary>
    private void OnItemsRead(Frame frame, MapState state, JsonValue items)
    {
        var fan = frame.FanOut!;
        frame.FanOut = null;
        if (items is not JsonArray array)
        {
            FailItemRead(frame, state, fan, StatesErrors.ItemReaderFailed, "Attempting to map over non-iterable node.");
            return;
        }

        if (state.ItemBatcher is { } batcher && !TryBatchItems(frame, state, batcher, fan.EffectiveInput, array, out array))
        {
            return;
        }

        frame.FanOut = fan;
        frame.Phase = FramePhase.WaitingChildren;
        RunMapItems(frame, state, fan, array);
    }

    /// <summary>The reader failed: MapRunFailed with its error and cause, then the Map state fails with them.</summary>
    private void FailItemRead(Frame frame, MapState state, FanOut fan, string error, string? cause)
    {
        frame.FanOut = null;
        frame.Phase = FramePhase.Executing;
        Emit(frame, "MapRunFailed", "mapRunFailedEventDetails", ErrorDetails(error, cause));
        EndMapRun(fan, MapRunStatuses.Failed);
        StateFailed(frame, state, error, cause);
    }
}
