using Stepwise.Json;
using Stepwise.Jsonata.Evaluation;

namespace Stepwise.Jsonata.Functions;

/// <summary>$sum, $count, $max, $min, $average.</summary>
internal static partial class FunctionLibrary
{
    private static void AddAggregation(Register add)
    {
        add("sum", "<a<n>:n>", 1, static (in CallContext _, object?[] args) =>
        {
            if (!ArrayView.TryGet(Arg(args, 0), out var view))
            {
                return null;
            }

            double total = 0;
            for (int i = 0; i < view.Count; i++)
            {
                total += ((JsonNumber)view[i]!).ToDouble();
            }

            return Values.Number(total);
        });
        add("count", "<a:n>", 1, static (in CallContext _, object?[] args) =>
            ArrayView.TryGet(Arg(args, 0), out var view) ? JsonNumber.FromInt64(view.Count) : JsonNumber.FromInt64(0));
        add("max", "<a<n>:n>", 1, static (in CallContext _, object?[] args) => Extreme(args, max: true));
        add("min", "<a<n>:n>", 1, static (in CallContext _, object?[] args) => Extreme(args, max: false));
        add("average", "<a<n>:n>", 1, static (in CallContext _, object?[] args) =>
        {
            if (!ArrayView.TryGet(Arg(args, 0), out var view) || view.Count == 0)
            {
                return null;
            }

            double total = 0;
            for (int i = 0; i < view.Count; i++)
            {
                total += ((JsonNumber)view[i]!).ToDouble();
            }

            return Values.Number(total / view.Count);
        });
    }

    private static JsonNumber? Extreme(object?[] args, bool max)
    {
        if (!ArrayView.TryGet(Arg(args, 0), out var view) || view.Count == 0)
        {
            return null;
        }

        double result = max ? double.NegativeInfinity : double.PositiveInfinity;
        for (int i = 0; i < view.Count; i++)
        {
            double value = ((JsonNumber)view[i]!).ToDouble();
            result = max ? Math.Max(result, value) : Math.Min(result, value);
        }

        return Values.Number(result);
    }
}
