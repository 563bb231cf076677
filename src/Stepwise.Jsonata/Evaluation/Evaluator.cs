using System.Diagnostics;
using System.Runtime.CompilerServices;
using Stepwise.Json;
using Stepwise.Jsonata.Functions;
using Stepwise.Jsonata.Parsing;

namespace Stepwise.Jsonata.Evaluation;

/// <summary>
/// Evaluates a processed AST with jsonata-js's semantics. One instance serves one evaluation: it carries the runaway
/// guards (nesting depth, deadline, the machine stack), so deep recursion fails with U1001 instead of overflowing.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly int _maxDepth;
    private readonly long _deadline;
    /// <summary>The machine stack one evaluation may use: safe on threads with the 1.5 MiB default of Linux.</summary>
    private const long StackBudget = 640 * 1024;

    private int _depth;
    private long _stackBase;
    private int _ticks;

    private readonly TimeProvider _clock;
    private DateTimeOffset? _now;

    public Evaluator(int maxDepth, TimeSpan? timeLimit, TimeProvider clock)
    {
        _clock = clock;
        _maxDepth = maxDepth;
        _deadline = timeLimit is { } limit ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency) : 0;
    }

    /// <summary>The evaluation's timestamp: every $now() and $millis() of one evaluation agree (jsonata-js).</summary>
    public DateTimeOffset Now => _now ??= _clock.GetUtcNow();

    public object? Evaluate(Node expr, object? input, Frame env)
    {
        Enter();
        try
        {
            return EvaluateCore(expr, input, env);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// <see cref="Evaluate"/> with a shortcut for the commonest node, a single field name looked up on an object (group
    /// keys, sort terms): the same result without the general machinery.
    /// </summary>
    private object? EvaluateField(Node expr, object? input, Frame env)
    {
        if (expr.IsSimplePath && input is JsonObject obj && expr.Steps!.Count == 1 && expr.Steps[0].Type == NodeType.Name)
        {
            return obj.TryGetValue(expr.Steps[0].Value, out var value) ? value : null;
        }

        return Evaluate(expr, input, env);
    }

    private unsafe void Enter()
    {
        _depth++;
        if (_maxDepth > 0 && _depth > _maxDepth)
        {
            ThrowStackOverflow();
        }

        // Stop well before the machine stack runs out: throwing an exception itself needs a good deal of stack on
        // Linux, so RuntimeHelpers.TryEnsureSufficientExecutionStack's margin alone is not enough. The budget is
        // measured from the first evaluation step of this evaluation.
        byte marker = 0;
        long here = (long)&marker;
        if (_stackBase == 0)
        {
            _stackBase = here;
        }
        else if (_stackBase - here > StackBudget || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ThrowStackOverflow();
        }

        if (_deadline != 0 && (++_ticks & 63) == 0 && Stopwatch.GetTimestamp() > _deadline)
        {
            throw new JsonataException("U1001", "Expression evaluation timeout: Check for infinite loop");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowStackOverflow() =>
        throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.");

    private object? EvaluateCore(Node expr, object? input, Frame env)
    {
        object? result;
        switch (expr.Type)
        {
            case NodeType.Path:
                result = EvaluatePath(expr, input, env);
                break;
            case NodeType.Binary:
                result = EvaluateBinary(expr, input, env);
                break;
            case NodeType.Negate:
                result = Evaluate(expr.Expression!, input, env);
                if (result is JsonNumber n)
                {
                    result = Values.Number(-n.ToDouble());
                }
                else if (result is not null)
                {
                    throw new JsonataException("D1002", $"Cannot negate a non-numeric value: {Values.ToMessageText(result)}", expr.Position, "-");
                }

                break;
            case NodeType.ArrayConstructor:
                result = EvaluateArrayConstructor(expr, input, env);
                break;
            case NodeType.ObjectConstructor:
                result = EvaluateGroup(expr.Pairs!, expr.Position, input, env);
                break;
            case NodeType.Name:
                result = Lookup(input, expr.Value);
                break;
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
                result = expr.Literal;
                break;
            case NodeType.Wildcard:
                result = EvaluateWildcard(input);
                break;
            case NodeType.Descendant:
                result = EvaluateDescendants(input);
                break;
            case NodeType.Parent:
                result = env.Lookup(expr.Slot!.Label);
                break;
            case NodeType.Condition:
                if (Values.Boolean(Evaluate(expr.Condition!, input, env)) == true)
                {
                    result = Evaluate(expr.Then!, input, env);
                }
                else
                {
                    result = expr.Else is null ? null : Evaluate(expr.Else, input, env);
                }

                break;
            case NodeType.Coalesce:
                result = Evaluate(expr.Lhs!, input, env) ?? Evaluate(expr.Rhs!, input, env);
                break;
            case NodeType.Default:
                result = Evaluate(expr.Lhs!, input, env);
                if (Values.Boolean(result) != true)
                {
                    result = Evaluate(expr.Rhs!, input, env);
                }

                break;
            case NodeType.Block:
            {
                var frame = expr.BindsVariables ? new Frame(env) : env;
                result = null;
                var expressions = expr.Expressions!;
                for (int i = 0; i < expressions.Count; i++)
                {
                    result = Evaluate(expressions[i], input, frame);
                }

                break;
            }

            case NodeType.Bind:
                result = Evaluate(expr.Rhs!, input, env);
                env.Bind(expr.Lhs!.Value, result);
                break;
            case NodeType.Regex:
                result = expr.Literal ??= new RegexFunction(expr.Regex!, expr.Value);
                break;
            case NodeType.Function:
                result = EvaluateFunction(expr, input, env, hasContext: false, context: null);
                break;
            case NodeType.Partial:
                result = EvaluatePartial(expr, input, env);
                break;
            case NodeType.Variable:
                if (expr.Value.Length == 0)
                {
                    result = input is JList { OuterWrapper: true } wrapper ? wrapper[0] : input;
                }
                else
                {
                    result = env.Lookup(expr.Value);
                }

                break;
            case NodeType.Lambda:
                result = new Lambda(expr.Body!, expr.Parameters!, input, env, expr.Thunk, expr.Signature);
                break;
            case NodeType.Apply:
                result = EvaluateApply(expr, input, env);
                break;
            case NodeType.Transform:
                result = new TransformFunction(expr, env);
                break;
            default:
                throw new JsonataException("S0206", $"Unknown expression type: {expr.Type}", expr.Position);
        }

        if (expr.Predicates is { } predicates)
        {
            for (int i = 0; i < predicates.Count; i++)
            {
                result = EvaluateFilter(predicates[i].Expression!, result, env);
            }
        }

        if (expr.Type != NodeType.Path && expr.Group is { } group)
        {
            result = EvaluateGroup(group, expr.GroupPosition, result, env);
        }

        if (result is JList { IsSequence: true, TupleStream: false } sequence)
        {
            if (expr.KeepArray)
            {
                sequence.KeepSingleton = true;
            }

            if (sequence.Count == 0)
            {
                result = null;
            }
            else if (sequence.Count == 1 && !sequence.KeepSingleton)
            {
                result = sequence[0];
            }
        }

        return result;
    }

    private object? EvaluateArrayConstructor(Node expr, object? input, Frame env)
    {
        var expressions = expr.Expressions!;
        var result = new JList(expressions.Count);
        for (int i = 0; i < expressions.Count; i++)
        {
            var item = expressions[i];
            var value = Evaluate(item, input, env);
            if (value is null)
            {
                continue;
            }

            if (item.Type == NodeType.ArrayConstructor)
            {
                result.Add(value);
            }
            else if (ArrayView.TryGet(value, out var view))
            {
                for (int k = 0; k < view.Count; k++)
                {
                    result.Add(view[k]);
                }
            }
            else
            {
                result.Add(value);
            }
        }

        if (expr.ConsArray)
        {
            result.Cons = true;
        }

        return result;
    }

    /// <summary>jsonata-js's <c>fn.append</c>: concatenation into a new plain array (never a sequence).</summary>
    public static object? Append(object? left, object? right)
    {
        if (left is null)
        {
            return right;
        }

        if (right is null)
        {
            return left;
        }

        var result = new JList();
        AddFlat(result, left);
        AddFlat(result, right);
        return result;
    }

    private static void AddFlat(JList target, object value)
    {
        if (ArrayView.TryGet(value, out var view))
        {
            for (int i = 0; i < view.Count; i++)
            {
                target.Add(view[i]);
            }
        }
        else
        {
            target.Add(value);
        }
    }

    private static Frame FrameFromTuple(Frame env, TupleBinding tuple)
    {
        var frame = new Frame(env);
        foreach (var (key, value) in tuple)
        {
            frame.Bind(key, value);
        }

        return frame;
    }
}
