using Stepwise.Json;

namespace Stepwise.Jsonata.Evaluation;

/// <summary>Reads an array value whichever form it has (an input <see cref="JsonArray"/> or a built <see cref="JList"/>) without copying it.</summary>
internal readonly struct ArrayView
{
    private readonly JList? _list;
    private readonly JsonArray? _json;

    public ArrayView(JList list) => _list = list;

    public ArrayView(JsonArray json) => _json = json;

    public int Count => _list?.Count ?? _json!.Count;

    public object? this[int index] => _list is not null ? _list[index] : _json![index];

    public JList? List => _list;

    public static bool TryGet(object? value, out ArrayView view)
    {
        switch (value)
        {
            case JList list:
                view = new ArrayView(list);
                return true;
            case JsonArray json:
                view = new ArrayView(json);
                return true;
            default:
                view = default;
                return false;
        }
    }
}
