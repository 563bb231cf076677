namespace Stepwise.JsonPath.Tests.Intrinsics;

public sealed class ArrayFunctionTests
{
    [Fact]
    public void Array_without_arguments_is_empty() =>
        Intrinsic.AssertJson("[]", Intrinsic.Evaluate("States.Array()")); // test_array__test_array_0

    [Fact]
    public void Array_keeps_argument_values_and_order() =>
        Intrinsic.AssertJson("""["Foo",2020,{"random":"abcdefg"},null,1.1,true]""",
            Intrinsic.Evaluate("States.Array('Foo', 2020, $.someJson, null, 1.1, true)", """{"someJson":{"random":"abcdefg"}}"""));

    [Theory] // test_array__test_array_partition__exec0..24
    [InlineData("[]", 1, "[]")]
    [InlineData("[0]", 5, "[[0]]")]
    [InlineData("[0,1,2]", 2, "[[0,1],[2]]")]
    [InlineData("[0,1,2,3]", 1, "[[0],[1],[2],[3]]")]
    [InlineData("[0,1,2,3]", 3, "[[0,1,2],[3]]")]
    [InlineData("[0,1,2,3]", 4, "[[0,1,2,3]]")]
    public void ArrayPartition_chunks_with_a_shorter_last_chunk(string array, int size, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate($"States.ArrayPartition($.a, {size})", $$"""{"a":{{array}}}"""));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.49")]
    [InlineData("'2'")]
    public void ArrayPartition_rejects_a_chunk_size_that_is_not_a_positive_integer(string size)
    {
        string call = $"States.ArrayPartition($.a, {size})";
        Intrinsic.AssertInvalidArguments(call, "States.ArrayPartition", """{"a":[1,2,3]}""");
    }

    [Fact]
    public void ArrayPartition_truncates_a_fractional_chunk_size() =>
        Intrinsic.AssertJson("[[1,2],[3]]", Intrinsic.Evaluate("States.ArrayPartition($.a, 2.9)", """{"a":[1,2,3]}"""));

    [Fact]
    public void ArrayPartition_rejects_an_array_over_the_256_KiB_payload_limit()
    {
        string big = new('x', 270_000);
        Intrinsic.AssertInvalidArguments("States.ArrayPartition($.a, 2)", "States.ArrayPartition", $$"""{"a":["{{big}}"]}""");
    }

    [Theory] // test_array__test_array_contains__exec0..8
    [InlineData("[]", "null", false)]
    [InlineData("[]", "[]", false)]
    [InlineData("[[1,2,3],2]", "null", false)]
    [InlineData("[[1,2,3],2]", "[1,2,3]", true)]
    [InlineData("""[{"1":2,"2":[]}]""", "[]", false)]
    [InlineData("""[{"1":2,"2":[]}]""", """{"1":2,"2":[]}""", true)]
    [InlineData("[true,false]", "false", true)]
    [InlineData("""[{"a":1,"b":2}]""", """{"b":2,"a":1}""", true)]
    public void ArrayContains_compares_whole_values(string array, string value, bool expected) =>
        Intrinsic.AssertJson(expected ? "true" : "false",
            Intrinsic.Evaluate("States.ArrayContains($.a, $.v)", $$"""{"a":{{array}},"v":{{value}}}"""));

    [Fact]
    public void ArrayContains_tells_an_integer_from_a_double_as_Jackson_does() =>
        Intrinsic.AssertJson("false", Intrinsic.Evaluate("States.ArrayContains($.a, 1)", """{"a":[1.0]}"""));

    [Fact]
    public void ArrayContains_rejects_a_first_argument_that_is_not_an_array() =>
        Intrinsic.AssertInvalidArguments("States.ArrayContains($.a, 1)", "States.ArrayContains", """{"a":"abc"}""");

    [Theory] // test_array__test_array_range__exec0..3, and the documented example
    [InlineData(0, 9, 3, "[0,3,6,9]")]
    [InlineData(0, 10, 3, "[0,3,6,9]")]
    [InlineData(1, 9, 9, "[1]")]
    [InlineData(1, 9, 2, "[1,3,5,7,9]")]
    [InlineData(5, 1, -2, "[5,3,1]")]
    [InlineData(3, 3, -1, "[3]")]
    [InlineData(5, 1, 1, "[]")]
    [InlineData(1, 5, -1, "[]")]
    public void ArrayRange_includes_both_ends_when_the_step_lands_on_them(int start, int end, int step, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate($"States.ArrayRange({start}, {end}, {step})"));

    [Fact]
    public void ArrayRange_truncates_fractional_arguments() =>
        Intrinsic.AssertJson("[1]", Intrinsic.Evaluate("States.ArrayRange(1.6, 1.4, 1)"));

    [Fact]
    public void ArrayRange_allows_exactly_1000_items()
    {
        var range = Intrinsic.Evaluate("States.ArrayRange(1, 1000, 1)").AsArray();
        Assert.Equal(1000, range.Count);
        Intrinsic.AssertJson("1000", range[999]);
    }

    [Theory]
    [InlineData("States.ArrayRange(1, 1001, 1)")]
    [InlineData("States.ArrayRange(1001, 1, -1)")]
    [InlineData("States.ArrayRange(0, 2147483647, 1)")]
    [InlineData("States.ArrayRange(1, 10, 0)")]
    [InlineData("States.ArrayRange(1, 10, 0.49)")]
    [InlineData("States.ArrayRange('a', 5, 1)")]
    [InlineData("States.ArrayRange(1, 5, null)")]
    public void ArrayRange_rejects_a_zero_step_non_integers_and_more_than_1000_items(string call) =>
        Intrinsic.AssertInvalidArguments(call, "States.ArrayRange");

    [Fact]
    public void ArrayGetItem_returns_the_item_at_the_index() =>
        Intrinsic.AssertJson("6", Intrinsic.Evaluate("States.ArrayGetItem($.a, $.i)", """{"a":[1,2,3,4,5,6,7,8,9],"i":5}""")); // test_array_get_item

    [Theory]
    [InlineData("9")]
    [InlineData("-1")]
    [InlineData("'1'")]
    public void ArrayGetItem_rejects_an_index_outside_the_array(string index) =>
        Intrinsic.AssertInvalidArguments($"States.ArrayGetItem($.a, {index})", "States.ArrayGetItem", """{"a":[1,2,3,4,5,6,7,8,9]}""");

    [Fact]
    public void ArrayLength_counts_items() =>
        Intrinsic.AssertJson("9", Intrinsic.Evaluate("States.ArrayLength($.a)", """{"a":[1,2,3,4,5,6,7,8,9]}""")); // test_array_length

    [Fact]
    public void ArrayLength_rejects_an_object() =>
        Intrinsic.AssertInvalidArguments("States.ArrayLength($.a)", "States.ArrayLength", """{"a":{"b":1}}""");

    [Fact]
    public void ArrayUnique_keeps_first_occurrences_in_order() =>
        Intrinsic.AssertJson("""[null,true,false,1,1.1,0,"HelloWorld",[],[null],{"a":1,"b":2},{"a":1,"b":1},1.0]""",
            Intrinsic.Evaluate("States.ArrayUnique($.a)",
                """{"a":[null,null,true,true,false,false,1,1,1.1,0,0,"HelloWorld","HelloWorld",[],[],[null],[null],{"a":1,"b":2},{"b":2,"a":1},{"a":1,"b":1},1.0]}"""));

    [Fact]
    public void ArrayUnique_rejects_a_string() =>
        Intrinsic.AssertInvalidArguments("States.ArrayUnique('abc')", "States.ArrayUnique");
}
