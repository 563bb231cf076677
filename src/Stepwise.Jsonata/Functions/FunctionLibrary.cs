using System.Collections.Frozen;
using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>
/// The built-in functions with jsonata-js's signatures, arities (what higher-order functions pass) and error codes.
/// Built once; every expression's root frame falls back to it.
/// </summary>
internal static partial class FunctionLibrary
{
    private static readonly FrozenDictionary<string, object?> s_functions = Build();

    public static IReadOnlyDictionary<string, object?> Functions => s_functions;

    private static FrozenDictionary<string, object?> Build()
    {
        var functions = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(string name, string signature, int arity, NativeImplementation implementation) =>
            functions[name] = NativeFunction.Create(name, signature, arity, implementation);

        AddAggregation(Add);
        AddStrings(Add);
        AddNumeric(Add);
        AddArrays(Add);
        AddObjects(Add);
        AddHigherOrder(Add);
        AddMisc(Add);
        AddFormatting(Add);
        return functions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private delegate void Register(string name, string signature, int arity, NativeImplementation implementation);

    private static string? Str(object?[] args, int i) => i < args.Length && args[i] is JsonString s ? s.Value : null;

    private static double? Num(object?[] args, int i) => i < args.Length && args[i] is JsonNumber n ? n.ToDouble() : null;

    private static object? Arg(object?[] args, int i) => i < args.Length ? args[i] : null;

    private static JsonataException Error(string code, string message, int index = 0) => new(code, message) { Index = index };

    /// <summary>JavaScript truthiness (what a custom <c>$sort</c> comparator's result is tested with).</summary>
    private static bool Truthy(object? value) => value switch
    {
        null => false,
        JsonString s => s.Value.Length > 0,
        JsonNumber n => n.ToDouble() != 0,
        JsonValue v when v.IsNull => false,
        JsonValue v when v.IsBoolean => v.AsBoolean(),
        _ => true,
    };
}
