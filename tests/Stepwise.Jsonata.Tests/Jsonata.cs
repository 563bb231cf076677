using Stepwise.Json;

namespace Stepwise.Jsonata.Tests;

/// <summary>Test helpers: evaluate an expression and read the result as compact JSON.</summary>
internal static class Jsonata
{
    /// <summary>The result as compact JSON text, or "undefined".</summary>
    public static string Eval(string expression, string? inputJson = null, JsonataBindings? bindings = null, JsonataOptions? options = null)
    {
        var input = inputJson is null ? null : JsonValue.Parse(inputJson);
        var result = JsonataExpression.Compile(expression, options).Evaluate(input, bindings);
        return result is null ? "undefined" : result.ToJsonString();
    }

    /// <summary>The code of the error the expression fails with.</summary>
    public static JsonataException Error(string expression, string? inputJson = null, JsonataOptions? options = null) =>
        Assert.Throws<JsonataException>(() => Eval(expression, inputJson, options: options));
}
