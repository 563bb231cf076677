using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Definition.Model;

/// <summary>
/// A distributed Map's <c>ItemBatcher</c>: the items are grouped into batches, each the input of one child execution
/// as <c>{"BatchInput": …, "Items": [...]}</c>. Each limit is a literal, a JSONata expression (JSONata states) or a
/// reference path (JSONPath states); with no limit a batch holds as many items as fit in 256 KiB.
/// </summary>
public sealed class ItemBatcher
{
    private ItemBatcher(JsonObject json, string where)
    {
        MaxItemsPerBatch = ModelReader.ReadOptionalInt64OrExpression(json, "MaxItemsPerBatch", where, out var itemsExpression);
        MaxItemsPerBatchExpression = itemsExpression;
        MaxItemsPerBatchPath = ModelReader.ReadOptionalPath(json, "MaxItemsPerBatchPath", where);
        MaxInputBytesPerBatch = ModelReader.ReadOptionalInt64OrExpression(json, "MaxInputBytesPerBatch", where, out var bytesExpression);
        MaxInputBytesPerBatchExpression = bytesExpression;
        MaxInputBytesPerBatchPath = ModelReader.ReadOptionalPath(json, "MaxInputBytesPerBatchPath", where);
        BatchInput = json["BatchInput"];
        BatchInputTemplate = ModelReader.ReadOptionalTemplate(json, "BatchInput", where);
    }

    /// <summary><c>MaxItemsPerBatch</c> as a literal; null when absent or an expression.</summary>
    public long? MaxItemsPerBatch { get; }

    /// <summary>JSONata <c>MaxItemsPerBatch</c> (<c>{% … %}</c>), kept raw.</summary>
    public JsonValue? MaxItemsPerBatchExpression { get; }

    /// <summary><c>MaxItemsPerBatchPath</c>, read from the state's effective input.</summary>
    public AslPath? MaxItemsPerBatchPath { get; }

    /// <summary><c>MaxInputBytesPerBatch</c> as a literal (UTF-8 bytes of a batch's input); null when absent or an expression.</summary>
    public long? MaxInputBytesPerBatch { get; }

    /// <summary>JSONata <c>MaxInputBytesPerBatch</c>, kept raw.</summary>
    public JsonValue? MaxInputBytesPerBatchExpression { get; }

    /// <summary><c>MaxInputBytesPerBatchPath</c>, read from the state's effective input.</summary>
    public AslPath? MaxInputBytesPerBatchPath { get; }

    /// <summary><c>BatchInput</c> as written (a JSONata state evaluates it as a template of expressions).</summary>
    public JsonValue? BatchInput { get; }

    /// <summary>The compiled <c>BatchInput</c> payload template of a JSONPath state.</summary>
    public PayloadTemplate? BatchInputTemplate { get; }

    internal static ItemBatcher? Read(JsonObject state, string where) =>
        state.TryGetValue("ItemBatcher", out var value) && !value.IsNull
            ? new ItemBatcher(ModelReader.AsObject(value, where + " ItemBatcher"), where + " ItemBatcher")
            : null;
}
