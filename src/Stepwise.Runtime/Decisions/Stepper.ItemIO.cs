using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

/// <summary>A distributed Map's ItemReader and ResultWriter, evaluated against the state's input for the host.</summary>
internal sealed partial class Stepper
{
    /// <summary>
    /// Whether the Map's items come from its ItemReader, read by the host. TestState never reads: it takes the reader's
    /// data from its <c>mapItemReaderData</c> (<see cref="ItemReaderDataInTest"/>). AWS then ignores ItemsPath (the corpus's
    /// INVALID_ITEMS_PATH case reads the object's items although the path selects nothing).
    /// </summary>
    private bool ReadsItems(MapState state) => state.ItemReader is not null && Inspector is null;

    /// <summary>
    /// Evaluates an ItemReader or ResultWriter (<paramref name="spec"/>) against the effective input: its Parameters
    /// (JSONPath) or Arguments (JSONata) into <paramref name="arguments"/>, its <paramref name="configKey"/> member into
    /// <paramref name="config"/> (null when absent), a reader's MaxItemsPath resolved into MaxItems. False when an
    /// evaluation failed the state.
    /// </summary>
    private bool TryEvaluateItemIO(Frame frame, MapState state, JsonObject spec, string configKey, JsonValue effective, out JsonObject arguments,
        out JsonObject? config)
    {
        arguments = JsonObject.Empty;
        config = spec[configKey] as JsonObject;
        if (IsJsonata(state))
        {
            var bindings = JsonataScope(frame, state);
            JsonValue evaluatedArguments = JsonObject.Empty;
            JsonValue? evaluatedConfig = config;
            if ((spec["Arguments"] is { } raw && !TryEvaluateJsonata(frame, state, raw, "Arguments", bindings, out evaluatedArguments))
                || (config is { Count: > 0 } && !TryEvaluateJsonata(frame, state, config, configKey, bindings, out evaluatedConfig)))
            {
                return false;
            }

            arguments = evaluatedArguments as JsonObject ?? JsonObject.Empty;
            config = evaluatedConfig as JsonObject;
            return true;
        }

        if (spec["Parameters"] is { } parameters)
        {
            if (!TryApplyTemplate(frame, state, PayloadTemplate.Compile(parameters), Scope(frame, state, effective), out var evaluated))
            {
                return false;
            }

            arguments = evaluated as JsonObject ?? JsonObject.Empty;
        }

        if (config?["MaxItemsPath"] is JsonString path)
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
}
