using System.Diagnostics.CodeAnalysis;
using Stepwise.Json;

namespace Stepwise.JsonPath.Intrinsics.Functions;

/// <summary>States.MathAdd and States.MathRandom: both work on Java ints.</summary>
internal static class MathFunctions
{
    public static bool TryAdd(JsonValue left, JsonValue right, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;

        // Each operand is rounded first (1.49 + 1.5 = 1 + 2 = 3, test_math_add__exec1), then added as ints.
        if (!JavaMath.TryRoundToInt32(left, out int a) || !JavaMath.TryRoundToInt32(right, out int b))
        {
            return false;
        }

        long sum = (long)a + b;
        if (sum is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        result = JsonNumber.FromInt64(sum);
        return true;
    }

    public static bool TryRandom(JsonValue[] arguments, Random? random, [NotNullWhen(true)] out JsonValue? result)
    {
        result = null;
        if (!JavaMath.TryTruncateToInt32(arguments[0], out int start) || !JavaMath.TryTruncateToInt32(arguments[1], out int end))
        {
            return false;
        }

        // The result lies in [start, end): an empty interval is rejected.
        long bound = (long)end - start;
        if (bound <= 0 || bound > int.MaxValue)
        {
            return false;
        }

        int offset;
        if (arguments.Length == 3)
        {
            if (arguments[2] is not JsonNumber seed)
            {
                return false;
            }

            long seedValue = seed.TryGetInt64(out long integral) ? integral : (long)Math.Truncate(seed.ToDouble());

            // A seed makes the draw reproducible, as AWS documents: it does not consume the execution's source.
            var seeded = new JavaRandom(seedValue);
            offset = seeded.NextInt((int)bound);
        }
        else
        {
            offset = IntrinsicFunctions.RequireRandom(random).Next((int)bound);
        }

        result = JsonNumber.FromInt64((long)start + offset);
        return true;
    }
}
