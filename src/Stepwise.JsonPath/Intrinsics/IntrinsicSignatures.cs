namespace Stepwise.JsonPath.Intrinsics;

/// <summary>
/// The table of the eighteen functions: names (case-sensitive, as AWS rejects <c>States.format</c>) and arities.
/// The arities are checked when a call is evaluated, where AWS checks them.
/// </summary>
internal static class IntrinsicSignatures
{
    private const int Unbounded = int.MaxValue;

    private static readonly IntrinsicSignature[] s_byFunction =
    [
        new(IntrinsicFunction.Format, "States.Format", 1, Unbounded),
        new(IntrinsicFunction.StringToJson, "States.StringToJson", 1, 1),
        new(IntrinsicFunction.JsonToString, "States.JsonToString", 1, 1),
        new(IntrinsicFunction.Array, "States.Array", 0, Unbounded),
        new(IntrinsicFunction.ArrayPartition, "States.ArrayPartition", 2, 2),
        new(IntrinsicFunction.ArrayContains, "States.ArrayContains", 2, 2),
        new(IntrinsicFunction.ArrayRange, "States.ArrayRange", 3, 3),
        new(IntrinsicFunction.ArrayGetItem, "States.ArrayGetItem", 2, 2),
        new(IntrinsicFunction.ArrayLength, "States.ArrayLength", 1, 1),
        new(IntrinsicFunction.ArrayUnique, "States.ArrayUnique", 1, 1),
        new(IntrinsicFunction.Base64Encode, "States.Base64Encode", 1, 1),
        new(IntrinsicFunction.Base64Decode, "States.Base64Decode", 1, 1),
        new(IntrinsicFunction.Hash, "States.Hash", 2, 2),
        new(IntrinsicFunction.JsonMerge, "States.JsonMerge", 3, 3),
        new(IntrinsicFunction.MathRandom, "States.MathRandom", 2, 3),
        new(IntrinsicFunction.MathAdd, "States.MathAdd", 2, 2),
        new(IntrinsicFunction.StringSplit, "States.StringSplit", 2, 2),
        new(IntrinsicFunction.UUID, "States.UUID", 0, 0),
    ];

    private static readonly Dictionary<string, IntrinsicSignature> s_byName = CreateByName();

    /// <summary>The signature of <paramref name="function"/>.</summary>
    public static IntrinsicSignature Of(IntrinsicFunction function) => s_byFunction[(int)function];

    /// <summary>Looks a function up by its full name (<c>States.Format</c>), case-sensitively.</summary>
    public static bool TryFind(string name, out IntrinsicSignature signature) =>
        s_byName.TryGetValue(name, out signature);

    private static Dictionary<string, IntrinsicSignature> CreateByName()
    {
        var byName = new Dictionary<string, IntrinsicSignature>(s_byFunction.Length, StringComparer.Ordinal);
        foreach (IntrinsicSignature signature in s_byFunction)
        {
            byName.Add(signature.Name, signature);
        }

        return byName;
    }
}
