using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>
/// Runs one intrinsic function on already evaluated arguments. Every rejection is reported as AWS reports it,
/// <c>Invalid arguments in States.Name</c>: a wrong type, a value out of range, a size limit passed.
/// </summary>
internal static class IntrinsicFunctions
{
    /// <summary>
    /// The largest payload AWS accepts, 256 KiB in UTF-8: the documented limit on the arrays ArrayPartition and
    /// ArrayContains take.
    /// </summary>
    public const int PayloadLimitBytes = 256 * 1024;

    /// <summary>The documented limit on the strings Base64Encode, Base64Decode and Hash take, in characters.</summary>
    public const int StringArgumentLimit = 10_000;

    /// <summary>The documented limit on the length of the array ArrayRange builds.</summary>
    public const int ArrayRangeLimit = 1000;

    /// <summary>
    /// Applies <paramref name="function"/>. <paramref name="arguments"/> has the arity the parser checked and is owned by
    /// the callee (States.Array returns it as the array's storage). <paramref name="literalTemplate"/> is the
    /// pre-split template of a States.Format call whose template is a literal.
    /// </summary>
    public static bool TryInvoke(
        IntrinsicFunction function,
        JsonValue[] arguments,
        FormatTemplate? literalTemplate,
        Random? random,
        [NotNullWhen(true)] out JsonValue? result,
        [NotNullWhen(false)] out string? failure)
    {
        bool succeeded = function switch
        {
            IntrinsicFunction.Format => StringFunctions.TryFormat(arguments, literalTemplate, out result),
            IntrinsicFunction.StringToJson => JsonFunctions.TryStringToJson(arguments[0], out result),
            IntrinsicFunction.JsonToString => JsonFunctions.TryJsonToString(arguments[0], out result),
            IntrinsicFunction.Array => ArrayFunctions.TryArray(arguments, out result),
            IntrinsicFunction.ArrayPartition => ArrayFunctions.TryPartition(arguments[0], arguments[1], out result),
            IntrinsicFunction.ArrayContains => ArrayFunctions.TryContains(arguments[0], arguments[1], out result),
            IntrinsicFunction.ArrayRange => ArrayFunctions.TryRange(arguments[0], arguments[1], arguments[2], out result),
            IntrinsicFunction.ArrayGetItem => ArrayFunctions.TryGetItem(arguments[0], arguments[1], out result),
            IntrinsicFunction.ArrayLength => ArrayFunctions.TryLength(arguments[0], out result),
            IntrinsicFunction.ArrayUnique => ArrayFunctions.TryUnique(arguments[0], out result),
            IntrinsicFunction.Base64Encode => EncodingFunctions.TryBase64Encode(arguments[0], out result),
            IntrinsicFunction.Base64Decode => EncodingFunctions.TryBase64Decode(arguments[0], out result),
            IntrinsicFunction.Hash => EncodingFunctions.TryHash(arguments[0], arguments[1], out result),
            IntrinsicFunction.JsonMerge => JsonFunctions.TryMerge(arguments[0], arguments[1], arguments[2], out result),
            IntrinsicFunction.MathRandom => MathFunctions.TryRandom(arguments, random, out result),
            IntrinsicFunction.MathAdd => MathFunctions.TryAdd(arguments[0], arguments[1], out result),
            IntrinsicFunction.StringSplit => StringFunctions.TrySplit(arguments[0], arguments[1], out result),
            IntrinsicFunction.UUID => IdentifierFunctions.TryUuid(random, out result),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
        };

        failure = succeeded ? null : InvalidArguments(function);
        return succeeded;
    }

    /// <summary>AWS's cause detail for any rejected argument: <c>Invalid arguments in States.MathAdd</c>.</summary>
    public static string InvalidArguments(IntrinsicFunction function) =>
        "Invalid arguments in " + IntrinsicSignatures.Of(function).Name;

    /// <summary>The execution's random source; a call that draws without one is a bug in the caller.</summary>
    public static Random RequireRandom(Random? random) =>
        random ?? throw new InvalidOperationException(
            "States.UUID and States.MathRandom draw from PathScope.Random; the caller must supply the execution's seeded source.");
}
