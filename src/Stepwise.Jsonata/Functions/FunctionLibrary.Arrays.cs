using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>Array functions: $append, $reverse, $distinct, $shuffle, $zip, $exists, $type.</summary>
internal static partial class FunctionLibrary
{
    private static void AddArrays(Register add)
    {
        add("append", "<xx:a>", 2, static (in CallContext _, object?[] args) =>
        {
            var left = Arg(args, 0);
            var right = Arg(args, 1);
            if (left is null)
            {
                return right;
            }

            if (right is null)
            {
                return left;
            }

            return Evaluator.Append(left, right);
        });
        add("reverse", "<a:a>", 1, static (in CallContext _, object?[] args) =>
        {
            var arg = Arg(args, 0);
            if (!ArrayView.TryGet(arg, out var view))
            {
                return null;
            }

            if (view.Count <= 1)
            {
                return arg;
            }

            var result = new JList(view.Count);
            for (int i = view.Count - 1; i >= 0; i--)
            {
                result.Add(view[i]);
            }

            return result;
        });
        add("distinct", "<x:x>", 1, static (in CallContext _, object?[] args) =>
        {
            var arg = Arg(args, 0);
            if (!ArrayView.TryGet(arg, out var view) || view.Count <= 1)
            {
                return arg;
            }

            var result = new JList { IsSequence = Values.IsSequence(arg) };
            for (int i = 0; i < view.Count; i++)
            {
                bool found = false;
                for (int j = 0; j < result.Count; j++)
                {
                    if (Values.DeepEquals(view[i], result[j]))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    result.Add(view[i]);
                }
            }

            return result;
        });
        add("shuffle", "<a:a>", 1, static (in CallContext _, object?[] args) =>
        {
            var arg = Arg(args, 0);
            if (!ArrayView.TryGet(arg, out var view))
            {
                return null;
            }

            if (view.Count <= 1)
            {
                return arg;
            }

            var items = new object?[view.Count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = view[i];
            }

            Random.Shared.Shuffle(items);
            var result = new JList(items.Length);
            result.AddRange(items);
            return result;
        });
        add("zip", "<a+>", 1, static (in CallContext _, object?[] args) =>
        {
            var result = new JList();
            int length = int.MaxValue;
            foreach (var arg in args)
            {
                length = Math.Min(length, ArrayView.TryGet(arg, out var view) ? view.Count : 0);
            }

            if (args.Length == 0)
            {
                length = 0;
            }

            for (int i = 0; i < length; i++)
            {
                var tuple = new JList(args.Length);
                foreach (var arg in args)
                {
                    ArrayView.TryGet(arg, out var view);
                    tuple.Add(view[i]);
                }

                result.Add(tuple);
            }

            return result;
        });
        add("exists", "<x:b>", 1, static (in CallContext _, object?[] args) => JsonValue.FromBoolean(Arg(args, 0) is not null));
        add("type", "<x:s>", 1, static (in CallContext _, object?[] args) => Values.TypeName(Arg(args, 0)) is { } t ? Values.String(t) : null);
    }
}
