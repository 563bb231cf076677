using System.Runtime.CompilerServices;
using Stepwise.Json;
using Stepwise.Jsonata;

namespace Stepwise.Definition.Jsonata;

/// <summary>
/// A JSONata field of a state (Arguments, Output, Assign, Items, Condition, ...) compiled once: a string written as
/// <c>"{% expression %}"</c> is an expression, objects and arrays are templates whose members may be expressions at
/// any depth, and anything else is a literal. Compiled templates are cached per definition node, so each expression
/// is compiled once per definition, however often it runs.
/// </summary>
public sealed class JsonataTemplate
{
    private static readonly ConditionalWeakTable<JsonValue, JsonataTemplate> s_cache = new();

    private readonly JsonValue _literal;
    private readonly JsonataExpression? _expression;
    private readonly string[]? _keys;
    private readonly JsonataTemplate[]? _members;
    private readonly bool _isArray;

    /// <summary><c>$type((expression))</c>, compiled on the first undefined result to tell a function from nothing.</summary>
    private JsonataExpression? _typeProbe;

    private JsonataTemplate(JsonValue literal, JsonataExpression? expression, string[]? keys, JsonataTemplate[]? members, bool isArray)
    {
        _literal = literal;
        _expression = expression;
        _keys = keys;
        _members = members;
        _isArray = isArray;
    }

    /// <summary>True when the template holds no expression: evaluating it returns the value as written.</summary>
    public bool IsConstant => _expression is null && _members is null;

    /// <summary>The expression text between <c>{%</c> and <c>%}</c> (trimmed), when the template is a single expression.</summary>
    public string? ExpressionText => _expression?.Text;

    /// <summary>
    /// The compiled form of <paramref name="raw"/>, compiled on first use and cached with the definition node.
    /// </summary>
    /// <exception cref="JsonataException">An expression has a syntax error (the validator reports these first).</exception>
    public static JsonataTemplate For(JsonValue raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return s_cache.GetValue(raw, static value => Compile(value));
    }

    /// <summary>True when <paramref name="text"/> is written as a JSONata expression (<c>{% ... %}</c>).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>The expression inside <c>{% %}</c>, trimmed as AWS quotes it in its error causes.</summary>
    public static string ExpressionBody(string text) => text[2..^2].Trim();

    /// <summary>
    /// Evaluates the template. <paramref name="location"/> names the field (<c>Output</c>, <c>Arguments/FunctionName</c>)
    /// in the failure's cause and location. An expression that yields nothing is a failure, as on AWS.
    /// </summary>
    public bool TryEvaluate(JsonValue? input, JsonataBindings bindings, string location, out JsonValue result, out JsonataFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(location);
        failure = null;
        if (_expression is not null)
        {
            JsonValue? value;
            try
            {
                value = _expression.Evaluate(input, bindings);
            }
            catch (JsonataException e)
            {
                result = JsonValue.Null;
                failure = new JsonataFailure(location,
                    $"The JSONata expression '{_expression.Text}' specified for the field '{location}' threw an error during evaluation. {e.Code}: {e.Message}");
                return false;
            }

            if (value is null)
            {
                result = JsonValue.Null;
                string problem = IsFunction(bindings) ? "returned an unsupported result type." : "returned nothing (undefined).";
                failure = new JsonataFailure(location,
                    $"The JSONata expression '{_expression.Text}' specified for the field '{location}' {problem}");
                return false;
            }

            result = value;
            return true;
        }

        if (_members is null)
        {
            result = _literal;
            return true;
        }

        var values = new JsonValue[_members.Length];
        for (int i = 0; i < values.Length; i++)
        {
            string memberLocation = _isArray ? location + "[" + i + "]" : location + "/" + _keys![i];
            if (!_members[i].TryEvaluate(input, bindings, memberLocation, out values[i], out failure))
            {
                result = JsonValue.Null;
                return false;
            }
        }

        result = _isArray ? JsonArray.TakeOwnership(values) : JsonObject.TakeOwnership(_keys!, values);
        return true;
    }

    /// <summary>
    /// Whether the expression yields a function, which JSON cannot hold (AWS: "returned an unsupported result type").
    /// Only failing evaluations get here, so evaluating once more costs nothing on the normal path.
    /// </summary>
    private bool IsFunction(JsonataBindings bindings)
    {
        try
        {
            _typeProbe ??= JsonataExpression.Compile("$type((" + _expression!.Text + "))", AwsJsonataFunctions.Options);
            return _typeProbe.Evaluate(null, bindings) is JsonString { Value: "function" };
        }
        catch (JsonataException)
        {
            return false;
        }
    }

    private static JsonataTemplate Compile(JsonValue value)
    {
        switch (value)
        {
            case JsonString s when IsExpression(s.Value):
                return new JsonataTemplate(value, JsonataExpression.Compile(ExpressionBody(s.Value), AwsJsonataFunctions.Options), null, null, false);
            case JsonObject obj:
            {
                var keys = new string[obj.Count];
                var members = new JsonataTemplate[obj.Count];
                bool constant = true;
                int i = 0;
                foreach (var (key, member) in obj)
                {
                    keys[i] = key;
                    members[i] = Compile(member);
                    constant &= members[i].IsConstant;
                    i++;
                }

                return constant ? new JsonataTemplate(value, null, null, null, false) : new JsonataTemplate(value, null, keys, members, false);
            }

            case JsonArray array:
            {
                var members = new JsonataTemplate[array.Count];
                bool constant = true;
                for (int i = 0; i < members.Length; i++)
                {
                    members[i] = Compile(array[i]);
                    constant &= members[i].IsConstant;
                }

                return constant ? new JsonataTemplate(value, null, null, null, true) : new JsonataTemplate(value, null, null, members, true);
            }

            default:
                return new JsonataTemplate(value, null, null, null, false);
        }
    }
}
