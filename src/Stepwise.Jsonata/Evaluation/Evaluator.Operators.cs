using Stepwise.Json;
using Stepwise.Jsonata.Functions;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Evaluation;

/// <summary>Binary operators: arithmetic, comparison, equality, boolean, <c>&amp;</c>, <c>..</c> and <c>in</c>.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluateBinary(Node expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        string op = expr.Value;
        if (op == "and")
        {
            bool result = (Values.Boolean(lhs) ?? false) && (Values.Boolean(Evaluate(expr.Rhs!, input, env)) ?? false);
            return JsonValue.FromBoolean(result);
        }

        if (op == "or")
        {
            bool result = (Values.Boolean(lhs) ?? false) || (Values.Boolean(Evaluate(expr.Rhs!, input, env)) ?? false);
            return JsonValue.FromBoolean(result);
        }

        var rhs = Evaluate(expr.Rhs!, input, env);
        try
        {
            switch (op)
            {
                case "+":
                case "-":
                case "*":
                case "/":
                case "%":
                    return Arithmetic(lhs, rhs, op[0]);
                case "=":
                    return lhs is null || rhs is null ? JsonValue.False : JsonValue.FromBoolean(Values.DeepEquals(lhs, rhs));
                case "!=":
                    return lhs is null || rhs is null ? JsonValue.False : JsonValue.FromBoolean(!Values.DeepEquals(lhs, rhs));
                case "<":
                case "<=":
                case ">":
                case ">=":
                    return Compare(lhs, rhs, op);
                case "&":
                {
                    string left = lhs is null ? string.Empty : Values.Stringify(lhs, false);
                    string right = rhs is null ? string.Empty : Values.Stringify(rhs, false);
                    return Values.String(string.Concat(left, right));
                }

                case "..":
                    return Range(lhs, rhs);
                case "in":
                    return In(lhs, rhs);
                default:
                    throw new JsonataException("S0201", $"Syntax error: \"{op}\"", expr.Position, op);
            }
        }
        catch (JsonataException e) when (AnnotateOperator(e, expr))
        {
            throw; // never reached: the filter only annotates
        }
    }

    /// <summary>Names the operator on an error raised by it (a filter: see <see cref="Annotate"/>).</summary>
    private static bool AnnotateOperator(JsonataException e, Node expr)
    {
        if (e.Position < 0)
        {
            e.Position = expr.Position;
        }

        e.Token ??= expr.Value;
        return false;
    }

    private static object? Arithmetic(object? lhs, object? rhs, char op)
    {
        if (lhs is NonFiniteNumber || rhs is NonFiniteNumber)
        {
            double bad = ((lhs as NonFiniteNumber) ?? (NonFiniteNumber)rhs!).Value;
            throw new JsonataException("D1001", $"Number out of range: {NumberFormatting.ToJavaScriptString(bad)}");
        }

        if (lhs is not null && lhs is not JsonNumber)
        {
            throw new JsonataException("T2001", "The left side of the {{token}} operator must evaluate to a number");
        }

        if (rhs is not null && rhs is not JsonNumber)
        {
            throw new JsonataException("T2002", "The right side of the {{token}} operator must evaluate to a number");
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        double l = ((JsonNumber)lhs).ToDouble();
        double r = ((JsonNumber)rhs).ToDouble();
        double result = op switch
        {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            '/' => l / r,
            _ => l % r, // C#'s % on doubles is JavaScript's remainder (sign of the dividend)
        };
        return double.IsFinite(result) ? JsonNumber.FromDouble(result) : new NonFiniteNumber(result);
    }

    private static JsonValue? Compare(object? lhs, object? rhs, string op)
    {
        bool lComparable = lhs is null or JsonString or JsonNumber;
        bool rComparable = rhs is null or JsonString or JsonNumber;
        if (!lComparable || !rComparable)
        {
            throw new JsonataException("T2010", "The expressions either side of operator {{token}} must evaluate to numeric or string values");
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        int comparison;
        if (lhs is JsonNumber ln && rhs is JsonNumber rn)
        {
            double l = ln.ToDouble(), r = rn.ToDouble();
            return JsonValue.FromBoolean(op switch
            {
                "<" => l < r,
                "<=" => l <= r,
                ">" => l > r,
                _ => l >= r,
            });
        }

        if (lhs is JsonString ls && rhs is JsonString rs)
        {
            comparison = string.CompareOrdinal(ls.Value, rs.Value);
        }
        else
        {
            throw new JsonataException("T2009", $"The values {Values.ToMessageText(lhs)} and {Values.ToMessageText(rhs)} either side of operator {{{{token}}}} must be of the same data type");
        }

        return JsonValue.FromBoolean(op switch
        {
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            _ => comparison >= 0,
        });
    }

    private static JList? Range(object? lhs, object? rhs)
    {
        if (lhs is not null && (lhs is not JsonNumber ln || !ln.IsIntegral))
        {
            throw new JsonataException("T2003", "The left side of the range operator (..) must evaluate to an integer");
        }

        if (rhs is not null && (rhs is not JsonNumber rn || !rn.IsIntegral))
        {
            throw new JsonataException("T2004", "The right side of the range operator (..) must evaluate to an integer");
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        double from = ((JsonNumber)lhs).ToDouble();
        double to = ((JsonNumber)rhs).ToDouble();
        if (from > to)
        {
            return null;
        }

        double size = to - from + 1;
        if (size > 1e7)
        {
            throw new JsonataException("D2014", $"The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {NumberFormatting.ToJavaScriptString(size)}.");
        }

        var result = new JList((int)size) { IsSequence = true };
        long start = (long)from;
        for (long i = 0; i < (long)size; i++)
        {
            result.Add(JsonNumber.FromInt64(start + i));
        }

        return result;
    }

    private static JsonValue In(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
        {
            return JsonValue.False;
        }

        if (!ArrayView.TryGet(rhs, out var view))
        {
            return JsonValue.FromBoolean(StrictEquals(lhs, rhs));
        }

        for (int i = 0; i < view.Count; i++)
        {
            if (StrictEquals(lhs, view[i]))
            {
                return JsonValue.True;
            }
        }

        return JsonValue.False;
    }

    /// <summary>JavaScript's <c>===</c>: primitives by value, objects, arrays and functions by identity.</summary>
    private static bool StrictEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        return (a, b) switch
        {
            (JsonNumber x, JsonNumber y) => x.ToDouble() == y.ToDouble(),
            (JsonString x, JsonString y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal),
            (JsonValue x, JsonValue y) when !x.IsArray && !x.IsObject && !y.IsArray && !y.IsObject => x.Kind == y.Kind,
            _ => false,
        };
    }

    private object? EvaluateApply(Node expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        if (expr.Rhs!.Type == NodeType.Function)
        {
            return EvaluateFunction(expr.Rhs, input, env, hasContext: true, context: lhs);
        }

        var func = Evaluate(expr.Rhs, input, env);
        if (func is not JsonataFunction function)
        {
            throw new JsonataException("T2006", "The right side of the function application operator ~> must be a function", expr.Position);
        }

        if (lhs is JsonataFunction first)
        {
            return new ChainFunction(first, function);
        }

        return Apply(function, [lhs], null, env);
    }
}
