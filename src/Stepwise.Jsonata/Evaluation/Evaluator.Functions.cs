using Stepwise.Json;
using Stepwise.Jsonata.Functions;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Evaluation;

/// <summary>Function calls, the tail-call trampoline, partial application, regex matchers and transforms.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluateFunction(Node expr, object? input, Frame env, bool hasContext, object? context)
    {
        var proc = Evaluate(expr.Procedure!, input, env);
        if (proc is null && expr.Procedure!.Type == NodeType.Path && env.Lookup(expr.Procedure.Steps![0].Value) is not null)
        {
            throw new JsonataException("T1005", $"Attempted to invoke a non-function. Did you mean ${expr.Procedure.Steps[0].Value}?", expr.Position, expr.Procedure.Steps[0].Value);
        }

        var arguments = expr.Arguments!;
        int offset = hasContext ? 1 : 0;
        var args = new object?[arguments.Count + offset];
        if (hasContext)
        {
            args[0] = context;
        }

        for (int i = 0; i < arguments.Count; i++)
        {
            args[i + offset] = Evaluate(arguments[i], input, env);
        }

        try
        {
            return Apply(proc, args, input, env);
        }
        catch (JsonataException e) when (Annotate(e, expr))
        {
            throw; // never reached: the filter only annotates
        }
    }

    /// <summary>
    /// Names the call site on an error passing through it. An exception filter, not a catch and rethrow: a filter runs
    /// during the first pass without unwinding, so an error deep in a recursion costs no extra stack per level.
    /// </summary>
    private static bool Annotate(JsonataException e, Node call)
    {
        if (e.Position < 0)
        {
            e.Position = call.Position;
        }

        e.Token ??= call.Procedure!.Type == NodeType.Path ? call.Procedure.Steps![0].Value : call.Procedure.Value;
        return false;
    }

    /// <summary>Calls <paramref name="proc"/>, unwinding tail-call thunks in a loop so tail recursion uses no stack.</summary>
    public object? Apply(object? proc, object?[] args, object? input, Frame env)
    {
        var result = ApplyInner(proc, args, input, env);
        while (result is Lambda { IsThunk: true } thunk)
        {
            var call = thunk.Body;
            var next = Evaluate(call.Procedure!, thunk.Input, thunk.Environment);
            var arguments = call.Arguments!;
            var nextArgs = new object?[arguments.Count];
            for (int i = 0; i < arguments.Count; i++)
            {
                nextArgs[i] = Evaluate(arguments[i], thunk.Input, thunk.Environment);
            }

            try
            {
                result = ApplyInner(next, nextArgs, null, env);
            }
            catch (JsonataException e) when (Annotate(e, call))
            {
                throw; // never reached: the filter only annotates
            }
        }

        return result;
    }

    private object? ApplyInner(object? proc, object?[] args, object? input, Frame env)
    {
        if (proc is not JsonataFunction function)
        {
            throw new JsonataException("T1006", "Attempted to invoke a non-function");
        }

        var validated = function.Signature is { } signature ? signature.Validate(args, input) : args;
        switch (function)
        {
            case Lambda lambda:
            {
                var frame = new Frame(lambda.Environment);
                var parameters = lambda.Parameters;
                for (int i = 0; i < parameters.Count; i++)
                {
                    frame.Bind(parameters[i], i < validated.Length ? validated[i] : null);
                }

                return Evaluate(lambda.Body, lambda.Input, frame);
            }

            case NativeFunction native:
                return native.Implementation(new CallContext(this, input, env), validated);
            case PartialFunction partial:
                return Apply(partial.Target, partial.Fill(validated), input, env);
            case RegexFunction regex:
                return validated.Length > 0 && validated[0] is JsonString text ? Match(regex, text.Value, 0) : null;
            case MatchNext next:
            {
                var following = Match(next.Regex, next.Text, next.From);
                if (following is not null && following.TryGetValue("match", out var matched) && matched is JsonString { Value.Length: 0 })
                {
                    throw new JsonataException("D1004", "Regular expression matches zero length string", -1, next.Regex.Source);
                }

                return following;
            }
            case ChainFunction chain:
                return Apply(chain.Second, [Apply(chain.First, validated, null, env)], null, env);
            case TransformFunction transform:
                return ApplyTransform(transform, validated.Length > 0 ? validated[0] : null);
            default:
                throw new JsonataException("T1006", "Attempted to invoke a non-function");
        }
    }

    private object? EvaluatePartial(Node expr, object? input, Frame env)
    {
        var arguments = expr.Arguments!;
        var args = new object?[arguments.Count];
        var placeholders = new bool[arguments.Count];
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Type == NodeType.Placeholder)
            {
                placeholders[i] = true;
            }
            else
            {
                args[i] = Evaluate(arguments[i], input, env);
            }
        }

        var proc = Evaluate(expr.Procedure!, input, env);
        string name = expr.Procedure!.Type == NodeType.Path ? expr.Procedure.Steps![0].Value : expr.Procedure.Value;
        if (proc is null && expr.Procedure.Type == NodeType.Path && env.Lookup(name) is not null)
        {
            throw new JsonataException("T1007", $"Attempted to partially apply a non-function. Did you mean ${name}?", expr.Position, name);
        }

        if (proc is Lambda lambda)
        {
            var frame = new Frame(lambda.Environment);
            var unbound = new List<string>();
            for (int i = 0; i < lambda.Parameters.Count; i++)
            {
                if (i < placeholders.Length && placeholders[i])
                {
                    unbound.Add(lambda.Parameters[i]);
                }
                else
                {
                    frame.Bind(lambda.Parameters[i], i < args.Length ? args[i] : null);
                }
            }

            return new Lambda(lambda.Body, unbound, lambda.Input, frame, false, null);
        }

        if (proc is JsonataFunction function)
        {
            // A built-in takes as many arguments as its signature declares; unsupplied ones stay undefined.
            int count = Math.Max(args.Length, function.Signature?.ParameterCount ?? args.Length);
            if (count > args.Length)
            {
                Array.Resize(ref args, count);
                Array.Resize(ref placeholders, count);
            }

            return new PartialFunction(function, args, placeholders);
        }

        throw new JsonataException("T1008", "Attempted to partially apply a non-function", expr.Position, name);
    }

    /// <summary>A regex match object (<c>match</c>, <c>start</c>, <c>end</c>, <c>groups</c>, <c>next</c>), or undefined.</summary>
    private static JMap? Match(RegexFunction regex, string text, int from)
    {
        if (from > text.Length)
        {
            return null;
        }

        var match = regex.Regex.Match(text, from);
        if (!match.Success)
        {
            return null;
        }

        var result = new JMap(5);
        result.Set("match", Values.String(match.Value));
        result.Set("start", JsonNumber.FromInt64(match.Index));
        result.Set("end", JsonNumber.FromInt64(match.Index + match.Length));
        var groups = new JList(match.Groups.Count);
        for (int i = 1; i < match.Groups.Count; i++)
        {
            groups.Add(match.Groups[i].Success ? Values.String(match.Groups[i].Value) : null);
        }

        result.Set("groups", groups);
        // JavaScript's lastIndex after a global exec: an empty match does not advance it, and asking for the next
        // match then fails with D1004 (jsonata-js).
        int lastIndex = match.Index + match.Length;
        if (lastIndex < text.Length)
        {
            result.Set("next", new MatchNext(regex, text, lastIndex));
        }
        else
        {
            result.Set("next", new NativeFunction("next", null, 0, static (in CallContext _, object?[] _) => null));
        }

        return result;
    }

    private object? ApplyTransform(TransformFunction transform, object? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var node = transform.Node;
        var env = transform.Environment;
        var clone = env.Lookup("clone");
        if (clone is not JsonataFunction)
        {
            throw new JsonataException("T2013", "The transform expression clones the input object using the $clone() function.  This has been overridden in the current scope by a non-function.", node.Position);
        }

        var result = Apply(clone, [obj], null, env);
        var matches = Evaluate(node.Pattern!, result, env);
        if (matches is null)
        {
            return result;
        }

        if (!ArrayView.TryGet(matches, out var view))
        {
            view = new ArrayView(new JList(1) { matches });
        }

        for (int i = 0; i < view.Count; i++)
        {
            var match = view[i];
            var update = Evaluate(node.Update!, match, env);
            if (update is not null)
            {
                if (!Values.IsObject(update))
                {
                    throw new JsonataException("T2011", $"The insert/update clause of the transform expression must evaluate to an object: {Values.ToMessageText(update)}", node.Update!.Position);
                }

                if (match is JMap target)
                {
                    int count = Values.ObjectCount(update);
                    for (int k = 0; k < count; k++)
                    {
                        target.Set(Values.KeyAt(update, k), Values.ValueAt(update, k));
                    }
                }
            }

            if (node.Delete is not null)
            {
                var deletions = Evaluate(node.Delete, match, env);
                if (deletions is null)
                {
                    continue;
                }

                if (!ArrayView.TryGet(deletions, out var keys))
                {
                    keys = new ArrayView(new JList(1) { deletions });
                }

                for (int k = 0; k < keys.Count; k++)
                {
                    if (keys[k] is not JsonString)
                    {
                        throw new JsonataException("T2012", $"The delete clause of the transform expression must evaluate to a string or array of strings: {Values.ToMessageText(deletions)}", node.Delete.Position);
                    }
                }

                if (match is JMap target)
                {
                    for (int k = 0; k < keys.Count; k++)
                    {
                        target.Remove(((JsonString)keys[k]!).Value);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Calls a function argument of a higher-order built-in with as many of (value, index, array) as it takes.</summary>
    public object? CallBack(JsonataFunction function, Frame env, object? a, object? b, object? c)
    {
        int arity = function.Arity;
        object?[] args = arity switch
        {
            <= 1 => [a],
            2 => [a, b],
            _ => [a, b, c],
        };
        return Apply(function, args, null, env);
    }
}
