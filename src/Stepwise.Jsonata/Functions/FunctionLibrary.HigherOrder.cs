using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>Higher-order functions: $map, $filter, $single, $reduce, $sort.</summary>
internal static partial class FunctionLibrary
{
    private static void AddHigherOrder(Register add)
    {
        add("map", "<af>", 2, static (in CallContext call, object?[] args) =>
        {
            var arr = Arg(args, 0);
            if (!ArrayView.TryGet(arr, out var view))
            {
                return null;
            }

            var func = (JsonataFunction)Arg(args, 1)!;
            var result = new JList(view.Count) { IsSequence = true };
            for (int i = 0; i < view.Count; i++)
            {
                var res = call.Evaluator.CallBack(func, call.Environment, view[i], JsonNumber.FromInt64(i), arr);
                if (res is not null)
                {
                    result.Add(res);
                }
            }

            return result;
        });
        add("filter", "<af>", 2, static (in CallContext call, object?[] args) =>
        {
            var arr = Arg(args, 0);
            if (!ArrayView.TryGet(arr, out var view))
            {
                return null;
            }

            var func = (JsonataFunction)Arg(args, 1)!;
            var result = JList.Sequence();
            for (int i = 0; i < view.Count; i++)
            {
                var res = call.Evaluator.CallBack(func, call.Environment, view[i], JsonNumber.FromInt64(i), arr);
                if (Values.Boolean(res) == true)
                {
                    result.Add(view[i]);
                }
            }

            return result;
        });
        add("single", "<af?>", 2, static (in CallContext call, object?[] args) =>
        {
            var arr = Arg(args, 0);
            if (!ArrayView.TryGet(arr, out var view))
            {
                return null;
            }

            var func = Arg(args, 1) as JsonataFunction;
            bool found = false;
            object? result = null;
            for (int i = 0; i < view.Count; i++)
            {
                bool positive = func is null
                    || Values.Boolean(call.Evaluator.CallBack(func, call.Environment, view[i], JsonNumber.FromInt64(i), arr)) == true;
                if (!positive)
                {
                    continue;
                }

                if (found)
                {
                    throw Error("D3138", "The $single() function expected exactly 1 matching result.  Instead it matched more.", i);
                }

                result = view[i];
                found = true;
            }

            if (!found)
            {
                throw Error("D3139", "The $single() function expected exactly 1 matching result.  Instead it matched 0.");
            }

            return result;
        });
        add("reduce", "<afj?:j>", 3, static (in CallContext call, object?[] args) =>
        {
            var arr = Arg(args, 0);
            if (!ArrayView.TryGet(arr, out var view))
            {
                return null;
            }

            var func = (JsonataFunction)Arg(args, 1)!;
            int arity = func.Arity;
            if (arity < 2)
            {
                throw Error("D3050", "The second argument of reduce function must be a function with at least two arguments", 1);
            }

            var init = Arg(args, 2);
            object? result;
            int index;
            if (init is null && view.Count > 0)
            {
                result = view[0];
                index = 1;
            }
            else
            {
                result = init;
                index = 0;
            }

            while (index < view.Count)
            {
                object?[] callArgs = arity switch
                {
                    2 => [result, view[index]],
                    3 => [result, view[index], JsonNumber.FromInt64(index)],
                    _ => [result, view[index], JsonNumber.FromInt64(index), arr],
                };
                result = call.Evaluator.Apply(func, callArgs, null, call.Environment);
                index++;
            }

            return result;
        });
        add("sort", "<af?:a>", 2, static (in CallContext call, object?[] args) =>
        {
            var arr = Arg(args, 0);
            if (!ArrayView.TryGet(arr, out var view))
            {
                return null;
            }

            if (view.Count <= 1)
            {
                return arr;
            }

            var items = new object?[view.Count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = view[i];
            }

            ISwapComparer comparer;
            if (Arg(args, 1) is JsonataFunction func)
            {
                comparer = new FunctionComparer(call.Evaluator, call.Environment, func);
            }
            else
            {
                bool allNumbers = true, allStrings = true;
                foreach (var item in items)
                {
                    allNumbers &= item is JsonNumber;
                    allStrings &= item is JsonString;
                }

                if (!allNumbers && !allStrings)
                {
                    throw Error("D3070", "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function", 1);
                }

                comparer = NaturalComparer.Instance;
            }

            var sorted = MergeSort.Sort(items, comparer);
            var result = new JList(sorted.Length);
            result.AddRange(sorted);
            return result;
        });
    }

    private sealed class FunctionComparer(Evaluator evaluator, Frame env, JsonataFunction func) : ISwapComparer
    {
        public bool Swap(object? a, object? b) => Truthy(evaluator.Apply(func, [a, b], null, env));
    }

    private sealed class NaturalComparer : ISwapComparer
    {
        public static readonly NaturalComparer Instance = new();

        public bool Swap(object? a, object? b) => (a, b) switch
        {
            (JsonNumber x, JsonNumber y) => x.ToDouble() > y.ToDouble(),
            (JsonString x, JsonString y) => string.CompareOrdinal(x.Value, y.Value) > 0,
            _ => false,
        };
    }
}
