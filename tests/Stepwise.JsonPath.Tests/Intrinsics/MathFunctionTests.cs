using Stepwise.Json;

namespace Stepwise.JsonPath.Tests.Intrinsics;

public sealed class MathFunctionTests
{
    [Theory] // test_math_operations__test_math_add__exec0..20: each operand rounds as Java's Math.round (half up)
    [InlineData("-9", "3", -6)]
    [InlineData("1.49", "1.5", 3)]
    [InlineData("1.5", "1.51", 4)]
    [InlineData("-1.49", "-1.5", -2)]
    [InlineData("-1.5", "-1.51", -3)]
    [InlineData("1.49", "-1.49", 0)]
    [InlineData("0.5", "0", 1)]
    [InlineData("2.5", "0", 3)]
    [InlineData("-0.5", "0", 0)]
    [InlineData("-0.5", "0.5", 1)]
    [InlineData("-2.5", "0", -2)]
    [InlineData("-3.5", "0", -3)]
    [InlineData("0.49999999999999994", "0", 0)]
    public void MathAdd_rounds_each_operand_half_up_then_adds(string left, string right, long expected) =>
        Intrinsic.AssertJson(expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Intrinsic.Evaluate("States.MathAdd($.a, $.b)", $$"""{"a":{{left}},"b":{{right}}}"""));

    [Theory]
    [InlineData("States.MathAdd($.a, 'NOT A NUMBER')")]
    [InlineData("States.MathAdd(2147483648, 0)")]
    [InlineData("States.MathAdd(2147483647, 1)")]
    [InlineData("States.MathAdd(null, 1)")]
    public void MathAdd_rejects_non_numbers_and_values_beyond_int(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.MathAdd", """{"a":1}""");

    [Fact]
    public void MathRandom_stays_within_start_inclusive_and_end_exclusive()
    {
        var random = new Random(123);
        var seen = new HashSet<long>();
        for (int i = 0; i < 200; i++)
        {
            Assert.True(Intrinsic.Evaluate("States.MathRandom(3, 6)", "{}", random).AsNumber().TryGetInt64(out long value));
            Assert.InRange(value, 3, 5);
            seen.Add(value);
        }

        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void MathRandom_draws_from_the_scope_random_source()
    {
        JsonValue first = Intrinsic.Evaluate("States.MathRandom(0, 1000000)", "{}", new Random(99));
        JsonValue second = Intrinsic.Evaluate("States.MathRandom(0, 1000000)", "{}", new Random(99));
        Assert.Equal(first, second);
    }

    [Fact]
    public void MathRandom_with_a_seed_returns_the_same_number_whatever_the_scope_source()
    {
        JsonValue first = Intrinsic.Evaluate("States.MathRandom(0, 999, 3)", "{}", new Random(1)); // test_math_random_seeded
        JsonValue second = Intrinsic.Evaluate("States.MathRandom(0, 999, 3)", "{}", new Random(2));
        Assert.Equal(first, second);
        Assert.InRange(first.AsNumber().ToDouble(), 0, 998);
    }

    [Fact]
    public void MathRandom_with_a_seed_follows_java_util_Random()
    {
        // new java.util.Random(42) first draws next(32) = -1170105035 (the well-known first nextInt()), so next(31) is
        // 1562431130, nextInt(10) is 0 and nextInt(100) is 30.
        Intrinsic.AssertJson("0", Intrinsic.Evaluate("States.MathRandom(0, 10, 42)"));
        Intrinsic.AssertJson("30", Intrinsic.Evaluate("States.MathRandom(0, 100, 42)"));
        Intrinsic.AssertJson("130", Intrinsic.Evaluate("States.MathRandom(100, 200, 42)"));
    }

    [Fact]
    public void MathRandom_truncates_fractional_bounds() // test_math_random__exec0 passes 12.5 and 44.51
    {
        double value = Intrinsic.Evaluate("States.MathRandom(12.5, 44.51)").AsNumber().ToDouble();
        Assert.InRange(value, 12, 43);
    }

    [Theory]
    [InlineData("States.MathRandom(5, 5)")]
    [InlineData("States.MathRandom(1.4, 1.6)")]
    [InlineData("States.MathRandom(9, 1)")]
    [InlineData("States.MathRandom('1', 5)")]
    [InlineData("States.MathRandom(1, 5, 'seed')")]
    public void MathRandom_rejects_an_empty_interval_and_non_numbers(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.MathRandom");

    [Fact]
    public void UUID_is_a_version_4_uuid_from_the_scope_random_source()
    {
        string first = Intrinsic.Evaluate("States.UUID()", "{}", new Random(5)).AsString();
        string second = Intrinsic.Evaluate("States.UUID()", "{}", new Random(5)).AsString();
        string third = Intrinsic.Evaluate("States.UUID()", "{}", new Random(6)).AsString();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void UUID_without_a_random_source_is_a_caller_bug()
    {
        var call = Stepwise.JsonPath.Intrinsics.IntrinsicCall.Parse("States.UUID()");
        Assert.Throws<InvalidOperationException>(() => call.TryEvaluate(new PathScope(JsonObject.Empty, JsonObject.Empty), out _, out _));
    }
}
