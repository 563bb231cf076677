using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;
using Stepwise.Jsonata.Functions;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata;

/// <summary>
/// A compiled JSONata 2.x expression (jsonata-js 2.2.2 semantics). Compile once, evaluate many times, from any number
/// of threads: the compiled form is immutable and each evaluation keeps its own state.
/// </summary>
public sealed class JsonataExpression
{
    private static readonly Frame s_builtins = new(null) { Library = FunctionLibrary.Functions };

    private readonly Node _ast;
    private readonly Frame _root;
    private readonly int _maxDepth;
    private readonly TimeSpan? _timeLimit;
    private readonly int _maxResultSize;
    private readonly TimeProvider _clock;

    private JsonataExpression(string text, Node ast, JsonataOptions? options)
    {
        Text = text;
        _ast = ast;
        _root = options is { Functions.Count: > 0 } ? new Frame(s_builtins) { Library = options.Functions } : s_builtins;
        _maxDepth = options?.MaxDepth ?? 0;
        _timeLimit = options?.TimeLimit;
        _maxResultSize = options?.MaxResultSize ?? 0;
        _clock = options?.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>The expression's source text.</summary>
    public string Text { get; }

    /// <summary>Parses and prepares <paramref name="expression"/>.</summary>
    /// <exception cref="JsonataException">A syntax error (codes S0xxx), with its position and token.</exception>
    public static JsonataExpression Compile(string expression, JsonataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new JsonataExpression(expression, Parser.Parse(expression), options);
    }

    /// <summary>
    /// Evaluates the expression against <paramref name="input"/> (null = no input, which is not JSON null).
    /// Returns the result, or null when the result is undefined (no match). Variables in <paramref name="bindings"/>
    /// are visible as <c>$name</c>.
    /// </summary>
    /// <exception cref="JsonataException">An evaluation error (T, D codes), or U1001 when a guard trips.</exception>
    public JsonValue? Evaluate(JsonValue? input, JsonataBindings? bindings = null)
    {
        var evaluator = new Evaluator(_maxDepth, _timeLimit, _clock);
        var env = new Frame(_root);
        if (bindings is not null)
        {
            foreach (var (name, value) in bindings.Values)
            {
                env.Bind(name, value);
            }
        }

        env.Bind("$", input);
        object? context = input;
        if (input is JsonArray)
        {
            // A top-level array input is one value: wrap it so paths do not map over it at the first step.
            var wrapper = new JList(1) { IsSequence = true, OuterWrapper = true };
            wrapper.Add(input);
            context = wrapper;
        }

        JsonValue? result;
        try
        {
            result = Values.ToJson(evaluator.Evaluate(_ast, context, env));
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            throw new JsonataException("U1001", $"Regular expression evaluation timeout: /{e.Pattern}/ ran longer than {e.MatchTimeout.TotalSeconds} s");
        }

        if (_maxResultSize > 0 && result is not null && result.GetUtf8Size() > _maxResultSize)
        {
            throw new JsonataException("D1011", $"The result exceeds the maximum size of {_maxResultSize} bytes");
        }

        return result;
    }

    public override string ToString() => Text;
}
