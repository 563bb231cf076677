using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Jsonata;

namespace Stepwise.Runtime.Decisions;

/// <summary>A distributed Map's ItemBatcher: items grouped into batches, one child execution each.</summary>
internal sealed partial class Stepper
{
    /// <summary>
    /// Applies ItemSelector to every item (each sees its own <c>$$.Map.Item</c>), then groups the selected items in
    /// order into batches <c>{"BatchInput": …, "Items": [...]}</c> of at most MaxItemsPerBatch items and at most
    /// MaxInputBytesPerBatch UTF-8 bytes (capped at the payload limit, 256 KiB, which is also the size with no byte
    /// limit). An item bigger than the byte limit travels alone. False when a limit, BatchInput or ItemSelector failed
    /// the state.
    /// </summary>
    private bool TryBatchItems(Frame frame, MapState state, ItemBatcher batcher, JsonValue effective, JsonArray items, out JsonArray batches)
    {
        batches = JsonArray.Empty;
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

        // {"BatchInput":…,"Items":[]}: the bytes every batch has before its items.
        long emptySize = Batch(batchInput, []).GetUtf8Size();
        var result = new List<JsonValue>();
        var current = new List<JsonValue>();
        long size = emptySize;
        for (int i = 0; i < items.Count; i++)
        {
            if (!TrySelectItem(frame, state, effective, i, items[i], out var selected))
            {
                return false;
            }

            long itemSize = selected.GetUtf8Size();
            bool full = current.Count > 0
                && ((maxItems > 0 && current.Count == maxItems) || size + 1 + itemSize > maxBytes);
            if (full)
            {
                result.Add(Batch(batchInput, current.ToArray()));
                current.Clear();
                size = emptySize;
            }

            // A comma separates an item from the one before it.
            size += itemSize + (current.Count > 0 ? 1 : 0);
            current.Add(selected);
        }

        if (current.Count > 0)
        {
            result.Add(Batch(batchInput, current.ToArray()));
        }

        batches = JsonArray.TakeOwnership(result.ToArray());
        return true;
    }

    private static JsonObject Batch(JsonValue? batchInput, JsonValue[] items)
    {
        var batch = new JsonObjectBuilder(2);
        if (batchInput is not null)
        {
            batch.Set("BatchInput", batchInput);
        }

        return batch.Set("Items", JsonArray.TakeOwnership(items)).ToObject();
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
        input = item;
        if (IsJsonata(state))
        {
            return !state.Json.TryGetValue("ItemSelector", out var selector) || TrySelectJsonataItem(frame, state, selector, index, item, out input);
        }

        if (state.ItemSelector is null)
        {
            return true;
        }

        var scope = new PathScope(effective, new LazyContextObject(this, frame, state, index, item), frame.Variables, _random);
        if (state.ItemSelector.TryEvaluate(scope, out var selected, out var error))
        {
            input = selected;
            return true;
        }

        AbortChildren(frame);
        StateFailed(frame, state, WithStatePrefix(frame, state, error));
        return false;
    }
}
