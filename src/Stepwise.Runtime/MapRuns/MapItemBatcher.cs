using Stepwise.Json;

namespace Stepwise.Runtime.MapRuns;

/// <summary>
/// Groups a stream of (selected) items, in order, into ItemBatcher batches <c>{"BatchInput": …, "Items": [...]}</c> of
/// at most MaxItemsPerBatch items and MaxInputBytesPerBatch UTF-8 bytes; an item bigger than the byte limit travels
/// alone. Holds only the batch being filled. Not thread-safe.
/// </summary>
public sealed class MapItemBatcher
{
    private static readonly string[] s_batchKeys = ["BatchInput", "Items"];
    private static readonly string[] s_itemsKey = ["Items"];
    private readonly long _maxItems;
    private readonly long _maxBytes;
    private readonly JsonValue? _batchInput;
    private readonly long _emptySize;
    private readonly List<JsonValue> _current = [];
    private long _size;

    /// <summary>A batcher for <paramref name="limits"/>; <paramref name="maxPayloadBytes"/> caps the byte limit and stands for it when it is 0.</summary>
    public MapItemBatcher(MapRunBatcher limits, int maxPayloadBytes = Interpreter.DefaultMaxPayloadBytes)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _maxItems = limits.MaxItemsPerBatch;
        _maxBytes = limits.MaxInputBytesPerBatch <= 0 ? maxPayloadBytes : Math.Min(limits.MaxInputBytesPerBatch, maxPayloadBytes);
        _batchInput = limits.BatchInput;
        // {"BatchInput":…,"Items":[]}: the bytes every batch has before its items.
        _emptySize = Batch([]).GetUtf8Size();
        _size = _emptySize;
    }

    /// <summary>How many items the batch being filled holds.</summary>
    public int Pending => _current.Count;

    /// <summary>
    /// Adds <paramref name="item"/>; when it does not fit in the batch being filled, that batch is closed first and
    /// returned in <paramref name="full"/> (with its item count in <paramref name="fullCount"/>), and the item starts the next.
    /// </summary>
    public bool Add(JsonValue item, out JsonObject? full, out int fullCount)
    {
        ArgumentNullException.ThrowIfNull(item);
        full = null;
        fullCount = 0;
        long itemSize = item.GetUtf8Size();
        if (_current.Count > 0 && ((_maxItems > 0 && _current.Count == _maxItems) || _size + 1 + itemSize > _maxBytes))
        {
            fullCount = _current.Count;
            full = Close();
        }

        // A comma separates an item from the one before it.
        _size += itemSize + (_current.Count > 0 ? 1 : 0);
        _current.Add(item);
        return full is not null;
    }

    /// <summary>Closes the batch being filled; null when it is empty.</summary>
    public JsonObject? Flush() => _current.Count == 0 ? null : Close();

    private JsonObject Close()
    {
        var batch = Batch(_current.ToArray());
        _current.Clear();
        _size = _emptySize;
        return batch;
    }

    private JsonObject Batch(JsonValue[] items) => _batchInput is null
        ? JsonObject.TakeOwnership(s_itemsKey, [JsonArray.TakeOwnership(items)])
        : JsonObject.TakeOwnership(s_batchKeys, [_batchInput, JsonArray.TakeOwnership(items)]);
}
