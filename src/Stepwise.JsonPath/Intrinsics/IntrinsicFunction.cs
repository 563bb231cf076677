namespace Stepwise.JsonPath.Intrinsics;

/// <summary>The eighteen intrinsic functions of the Amazon States Language, named as the spec names them.</summary>
internal enum IntrinsicFunction : byte
{
    Format,
    StringToJson,
    JsonToString,
    Array,
    ArrayPartition,
    ArrayContains,
    ArrayRange,
    ArrayGetItem,
    ArrayLength,
    ArrayUnique,
    Base64Encode,
    Base64Decode,
    Hash,
    JsonMerge,
    MathRandom,
    MathAdd,
    StringSplit,
    UUID,
}
