using Stepwise.Json;

namespace Stepwise.Runtime.Jsonata;

/// <summary>The JSON type names AWS uses in JSONata result-type errors ("Expected 'array', but was 'boolean'").</summary>
internal static class JsonataTypes
{
    public static string NameOf(JsonValue value) => value.Kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    /// <summary>AWS's cause when an expression yields a value of the wrong type for its field.</summary>
    public static string UnexpectedType(string expression, string location, string expected, JsonValue value) =>
        $"The JSONata expression '{expression}' specified for the field '{location}' returned an unexpected result type. Expected '{expected}', but was '{NameOf(value)}' for value: {value.ToJsonString()}";
}
