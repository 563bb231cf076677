using Stepwise.Definition.Jsonata;
using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Jsonata;
using Stepwise.Runtime.MapRuns;

namespace Stepwise.Runtime.Decisions;

/// <summary>A distributed Map's ItemBatcher: items grouped into batches, one child execution each.</summary>
internal sealed partial class Stepper
{
    /// <summary>
    /// Applies ItemSelector to every item (each sees its own <c>$$.Map.Item</c>), then groups the selected items in
    /// order into batches (see <see cref="MapItemBatcher"/>). TestState runs a batched Map this way; a Map Run batches on
    /// the host. False when a limit, BatchInput or ItemSelector failed the state.
    /// </summary>
    private bool TryBatchItems(Frame frame, MapState state, ItemBatcher batcher, JsonValue effective, JsonArray items, out JsonArray batches)
    {
        batches = JsonArray.Empty;
        if (!TryEvaluateBatcher(frame, state, batcher, effective, out var limits))
        {
            return false;
        }

        var grouping = new MapItemBatcher(limits, _maxPayloadBytes);
        var result = new List<JsonValue>();
        for (int i = 0; i < items.Count; i++)
        {
            if (!TrySelectItem(frame, state, effective, i, items[i], out var selected))
            {
                return false;
            }

            if (grouping.Add(selected, out var full, out _))
            {
                result.Add(full!);
            }
        }

        if (grouping.Flush() is { } last)
        {
            result.Add(last);
        }

        batches = JsonArray.TakeOwnership(result.ToArray());
        return true;
    }

    /// <summary>
    /// Evaluates the ItemBatcher's limits (at most MaxItemsPerBatch items and MaxInputBytesPerBatch UTF-8 bytes, capped
    /// at the payload limit, 256 KiB, which is also the size with no byte limit) and its BatchInput. False when one
    /// failed the state.
    /// </summary>
    private bool TryEvaluateBatcher(Frame frame, MapState state, ItemBatcher batcher, JsonValue effective, out MapRunBatcher limits)
    {
        limits = null!;
        if (!TryReadBatchLimit(frame, state, batcher.MaxItemsPerBatch, batcher.MaxItemsPerBatchExpression, batcher.MaxItemsPerBatchPath,
                "MaxItemsPerBatch", effective, out long maxItems)
            || !TryReadBatchLimit(frame, state, batcher.MaxInputBytesPerBatch, batcher.MaxInputBytesPerBatchExpression,
                batcher.MaxInputBytesPerBatchPath, "MaxInputBytesPerBatch", effective, out long maxBytes))
        {
            return false;
        }

        maxBytes = maxBytes == 0 ? _maxPayloadBytes : Math.Min(maxBytes, _maxPayloadBytes);
        JsonValue? batchInput = null;
        if (IsJsonata(state))
        {
            if (batcher.BatchInput is not null
                && !TryEvaluateJsonata(frame, state, batcher.BatchInput, "BatchInput", JsonataScope(frame, state), out batchInput))
            {
                return false;
            }
        }
        else if (batcher.BatchInputTemplate is not null
            && !TryApplyTemplate(frame, state, batcher.BatchInputTemplate, Scope(frame, state, effective), out batchInput))
        {
            return false;
        }

        limits = new MapRunBatcher(maxItems, maxBytes, batchInput);
        return true;
    }

    /// <summary>
    /// One ItemBatcher limit: a literal, a JSONata expression or a reference path into the effective input; 0 when
    /// the batcher sets none. A limit read at run time must be a positive integer (a string holding one is accepted,
    /// as for the Map's other counts).
    /// </summary>
    private bool TryReadBatchLimit(Frame frame, MapState state, long? literal, JsonValue? expression, AslPath? path, string field,
        JsonValue effective, out long limit)
    {
        limit = literal ?? 0;
        if (expression is not null)
        {
            if (!TryEvaluateJsonata(frame, state, expression, field, JsonataScope(frame, state), out var value))
            {
                return false;
            }

            if (!TryReadMapCount(value, out limit) || limit <= 0)
            {
                QueryFailed(frame, state, field, JsonataTypes.UnexpectedType(ExpressionOf(expression), field, "integer", value));
                return false;
            }
        }
        else if (path is not null)
        {
            return TryReadCountPath(frame, state, field, path, effective, 1, out limit);
        }

        return true;
    }

    /// <summary>
    /// An item through the Map's ItemSelector (JSONPath or JSONata), which sees the effective input as <c>$</c> and the
    /// item as <c>$$.Map.Item</c>; the item itself without one. False when the selector failed the state.
    /// </summary>
    private bool TrySelectItem(Frame frame, MapState state, JsonValue effective, int index, JsonValue item, out JsonValue input)
    {
        if (TrySelectItem(frame, state, effective, index, item, out input, out var failure, out var error))
        {
            return true;
        }

        AbortChildren(frame);
        if (failure is not null)
        {
            QueryFailed(frame, state, failure.Location, failure.Cause);
        }
        else
        {
            StateFailed(frame, state, WithStatePrefix(frame, state, error!.Value));
        }

        return false;
    }

    /// <summary>
    /// An item through the Map's ItemSelector, with no effect on the execution: false with the JSONata
    /// <paramref name="failure"/> or the JSONPath <paramref name="error"/> when the selector failed.
    /// </summary>
    internal bool TrySelectItem(Frame frame, MapState state, JsonValue effective, int index, JsonValue item, out JsonValue input,
        out JsonataFailure? failure, out AslError? error)
    {
        input = item;
        failure = null;
        error = null;
        if (IsJsonata(state))
        {
            return !state.Json.TryGetValue("ItemSelector", out var selector)
                || TryEvaluateJsonata(frame, selector, "ItemSelector", JsonataScope(frame, state, mapIndex: index, mapValue: item), out input, out failure);
        }

        if (state.ItemSelector is null)
        {
            return true;
        }

        var scope = new PathScope(effective, new LazyContextObject(this, frame, state, index, item), frame.Variables, _random);
        if (state.ItemSelector.TryEvaluate(scope, out var selected, out var pathError))
        {
            input = selected;
            return true;
        }

        error = pathError;
        return false;
    }
}
