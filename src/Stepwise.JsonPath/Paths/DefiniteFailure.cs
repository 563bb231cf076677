using Stepwise.Json;

namespace Stepwise.JsonPath.Paths;

/// <summary>Where and why a definite path found nothing; the message is built only on demand.</summary>
/// <param name="Kind">The reason.</param>
/// <param name="TokenIndex">The token that failed.</param>
/// <param name="Found">The node that token was applied to.</param>
internal readonly record struct DefiniteFailure(DefiniteFailureKind Kind, int TokenIndex, JsonValue? Found)
{
    /// <summary>Jayway's message for this failure, which AWS puts after "Invalid path '...' : ".</summary>
    public string Describe(PathToken[] tokens) => Kind switch
    {
        DefiniteFailureKind.NoResults => "No results for path: " + PathEvaluator.Normalize(tokens, tokens.Length),
        DefiniteFailureKind.MissingProperty => "Missing property in path " + PathEvaluator.Normalize(tokens, TokenIndex + 1),
        DefiniteFailureKind.NullArray => $"The path {PathEvaluator.Normalize(tokens, TokenIndex)} is null",
        DefiniteFailureKind.NotAnArray =>
            $"Filter: {PathEvaluator.Fragment(tokens[TokenIndex])} can only be applied to arrays. Current context is: {Found!.ToJsonString()}",

        // The corpus records no instance of this one; the shape is Jayway's, the class names those of AWS's
        // Jackson-based provider.
        _ => $"Expected to find an object with property {PathEvaluator.Fragment(tokens[TokenIndex])} in path " +
             $"{PathEvaluator.Normalize(tokens, TokenIndex)} but found '{JavaClassName(Found!)}'. " +
             "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'.",
    };

    private static string JavaClassName(JsonValue value) => value.Kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "com.fasterxml.jackson.databind.node.TextNode",
        JsonValueKind.True or JsonValueKind.False => "com.fasterxml.jackson.databind.node.BooleanNode",
        JsonValueKind.Array => "com.fasterxml.jackson.databind.node.ArrayNode",
        JsonValueKind.Number => value.AsNumber().Representation switch
        {
            NumberRepresentation.Int64 => "com.fasterxml.jackson.databind.node.IntNode",
            NumberRepresentation.BigInteger => "com.fasterxml.jackson.databind.node.BigIntegerNode",
            _ => "com.fasterxml.jackson.databind.node.DoubleNode",
        },
        _ => "com.fasterxml.jackson.databind.node.ObjectNode",
    };
}
