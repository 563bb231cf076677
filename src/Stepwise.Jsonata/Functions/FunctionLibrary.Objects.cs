using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>Object functions: $keys, $lookup, $spread, $merge, $each, $sift, $clone.</summary>
internal static partial class FunctionLibrary
{
    private static void AddObjects(Register add)
    {
        add("keys", "<x-:a<s>>", 1, static (in CallContext _, object?[] args) => Keys(Arg(args, 0)));
        add("lookup", "<x-s:x>", 2, static (in CallContext _, object?[] args) => LookupValue(Arg(args, 0), Str(args, 1) ?? string.Empty));
        add("spread", "<x-:a<o>>", 1, static (in CallContext _, object?[] args) => Spread(Arg(args, 0)));
        add("merge", "<a<o>:o>", 1, static (in CallContext _, object?[] args) =>
        {
            if (!ArrayView.TryGet(Arg(args, 0), out var view))
            {
                return null;
            }

            var result = new JMap();
            for (int i = 0; i < view.Count; i++)
            {
                var obj = view[i];
                if (!Values.IsObject(obj))
                {
                    continue;
                }

                int count = Values.ObjectCount(obj!);
                for (int k = 0; k < count; k++)
                {
                    result.Set(Values.KeyAt(obj!, k), Values.ValueAt(obj!, k));
                }
            }

            return result;
        });
        add("each", "<o-f:a>", 2, static (in CallContext call, object?[] args) =>
        {
            var obj = Arg(args, 0);
            var func = (JsonataFunction)Arg(args, 1)!;
            var result = JList.Sequence();
            if (!Values.IsObject(obj))
            {
                return result;
            }

            int count = Values.ObjectCount(obj!);
            for (int i = 0; i < count; i++)
            {
                var value = call.Evaluator.CallBack(func, call.Environment, Values.ValueAt(obj!, i), Values.String(Values.KeyAt(obj!, i)), obj);
                if (value is not null)
                {
                    result.Add(value);
                }
            }

            return result;
        });
        add("sift", "<o-f?:o>", 2, static (in CallContext call, object?[] args) =>
        {
            var obj = Arg(args, 0);
            if (!Values.IsObject(obj) || Arg(args, 1) is not JsonataFunction func)
            {
                return null;
            }

            var result = new JMap();
            int count = Values.ObjectCount(obj!);
            for (int i = 0; i < count; i++)
            {
                var value = Values.ValueAt(obj!, i);
                var keep = call.Evaluator.CallBack(func, call.Environment, value, Values.String(Values.KeyAt(obj!, i)), obj);
                if (Values.Boolean(keep) == true)
                {
                    result.Set(Values.KeyAt(obj!, i), value);
                }
            }

            return result.Count == 0 ? null : result;
        });
        add("clone", "<(oa)-:o>", 1, static (in CallContext _, object?[] args) => Values.Clone(Arg(args, 0)));
    }

    private static JList Keys(object? arg, int depth = 0)
    {
        Values.CheckNesting(depth);
        var result = JList.Sequence();
        if (ArrayView.TryGet(arg, out var view))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < view.Count; i++)
            {
                var itemKeys = Keys(view[i], depth + 1);
                for (int k = 0; k < itemKeys.Count; k++)
                {
                    var key = (JsonString)itemKeys[k]!;
                    if (seen.Add(key.Value))
                    {
                        result.Add(key);
                    }
                }
            }
        }
        else if (Values.IsObject(arg))
        {
            int count = Values.ObjectCount(arg!);
            for (int i = 0; i < count; i++)
            {
                result.Add(Values.String(Values.KeyAt(arg!, i)));
            }
        }

        return result;
    }

    /// <summary>jsonata-js's <c>fn.lookup</c>.</summary>
    internal static object? LookupValue(object? input, string key, int depth = 0)
    {
        Values.CheckNesting(depth);
        if (ArrayView.TryGet(input, out var view))
        {
            var result = JList.Sequence();
            for (int i = 0; i < view.Count; i++)
            {
                var res = LookupValue(view[i], key, depth + 1);
                if (res is null)
                {
                    continue;
                }

                if (ArrayView.TryGet(res, out var inner))
                {
                    for (int k = 0; k < inner.Count; k++)
                    {
                        result.Add(inner[k]);
                    }
                }
                else
                {
                    result.Add(res);
                }
            }

            return result;
        }

        return Values.Property(input, key);
    }

    private static object? Spread(object? arg, int depth = 0)
    {
        Values.CheckNesting(depth);
        if (ArrayView.TryGet(arg, out var view))
        {
            object? result = JList.Sequence();
            for (int i = 0; i < view.Count; i++)
            {
                result = Evaluator.Append(result, Spread(view[i], depth + 1));
            }

            return result;
        }

        if (Values.IsObject(arg))
        {
            var result = JList.Sequence();
            int count = Values.ObjectCount(arg!);
            for (int i = 0; i < count; i++)
            {
                var single = new JMap(1);
                single.Set(Values.KeyAt(arg!, i), Values.ValueAt(arg!, i));
                result.Add(single);
            }

            return result;
        }

        return arg;
    }
}
