namespace Stepwise.Json;

/// <summary>The seven kinds of JSON value. <see cref="JsonValue"/> reports one of these through <see cref="JsonValue.Kind"/>.</summary>
public enum JsonValueKind : byte
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}
