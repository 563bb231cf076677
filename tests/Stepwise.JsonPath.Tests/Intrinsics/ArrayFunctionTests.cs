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

    [Fact]
    public void ArrayPartition_with_the_largest_int_chunk_returns_one_chunk() =>
        Intrinsic.AssertJson("[[1,2,3]]", Intrinsic.Evaluate("States.ArrayPartition($.a, 2147483647)", """{"a":[1,2,3]}"""));

    [Theory] // test_array__test_array_contains__exec0..8
    [InlineData("[]", "null", false)]
    [InlineData("[]", "[]", false)]
    [InlineData("[[1,2,3],2]", "null", false)]
    [InlineData("[[1,2,3],2]", "[1,2,3]", true)]
    [InlineData("""[{"1":2,"2":[]}]""", "[]", false)]
    [InlineData("""[{"1":2,"2":[]}]""", """{"1":2,"2":[]}""", true)]
    [InlineData("[true,false]", "false", true)]
    public void ArrayContains_compares_whole_values(string array, string value, bool expected) =>
        Intrinsic.AssertJson(expected ? "true" : "false",
            Intrinsic.Evaluate("States.ArrayContains($.a, $.v)", $$"""{"a":{{array}},"v":{{value}}}"""));

    [Theory] // AWS compares the values' Java text (recorded against AWS in public characterisation suites)
    [InlineData("""["true","false","maybe"]""", "true", true)]
    [InlineData("""["-1","9007199254740991"]""", "9007199254740991", true)]
    [InlineData("""[{"a":1,"b":2}]""", """{"b":2,"a":1}""", false)]
    [InlineData("""[{"a":1}]""", """{"a":1,"extra":null}""", false)]
    [InlineData("[0,1,-1,-1.5]", "false", false)]
    [InlineData("[1.0]", "1", false)]
    [InlineData("""[null,""," ",0,1,true,false,[0,1,false]]""", "[0,1,false]", true)]
    public void ArrayContains_matches_values_whose_Java_text_is_equal(string array, string value, bool expected) =>
        Intrinsic.AssertJson(expected ? "true" : "false",
            Intrinsic.Evaluate("States.ArrayContains($.a, $.v)", $$"""{"a":{{array}},"v":{{value}}}"""));

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

    [Fact]
    public void ArrayGetItem_truncates_a_fractional_index() =>
        Intrinsic.AssertJson("20", Intrinsic.Evaluate("States.ArrayGetItem($.a, 1.2)", """{"a":[10,20,30]}"""));

    [Fact]
    public void ArrayGetItem_on_an_empty_array_is_null() =>
        Intrinsic.AssertJson("null", Intrinsic.Evaluate("States.ArrayGetItem($.a, 999)", """{"a":[]}"""));

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

    [Theory] // AWS dedupes in a java.util.HashSet: Java equality, bucket order (public AWS characterisation suites)
    [InlineData("[1,2,3,3,3,4]", "[1,2,3,4]")]
    [InlineData("""["a","b","a","c","b"]""", """["a","b","c"]""")]
    [InlineData("[null,null,1,null]", "[null,1]")]
    [InlineData("[true,false,true,false]", "[false,true]")]
    [InlineData("[[1,2],[1,2],[2,1]]", "[[2,1],[1,2]]")]
    [InlineData("""[{"a":1,"b":2},{"b":2,"a":1}]""", """[{"a":1,"b":2}]""")]
    [InlineData("""[1,"1","01"]""", """[1,"1","01"]""")]
    [InlineData("[]", "[]")]
    public void ArrayUnique_drops_duplicates_and_orders_as_a_Java_HashSet(string array, string expected) =>
        Intrinsic.AssertJson(expected, Intrinsic.Evaluate("States.ArrayUnique($.a)", $$"""{"a":{{array}}}"""));

    [Fact]
    public void ArrayUnique_keeps_an_integer_and_an_equal_double_apart()
    {
        // Integer 1 hashes to 1 (bucket 1); Double 1.0 hashes to 0x3FF00000, which spreads to bucket 0.
        Intrinsic.AssertJson("[1.0,1]", Intrinsic.Evaluate("States.ArrayUnique($.a)", """{"a":[1,1.0,1]}"""));
    }

    [Fact]
    public void ArrayUnique_orders_more_than_twelve_items_in_a_larger_table()
    {
        // new HashSet<>(list) of 20 items has 32 buckets. Integers hash to themselves, so 1..19 take buckets 1..19
        // and 32 wraps to bucket 0; with 16 buckets 32 would share bucket 0 but 16..19 would come before 4..15.
        Intrinsic.AssertJson("[32,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]",
            Intrinsic.Evaluate("States.ArrayUnique($.a)", """{"a":[19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1,32]}"""));
    }

    [Fact]
    public void ArrayUnique_rejects_a_string() =>
        Intrinsic.AssertInvalidArguments("States.ArrayUnique('abc')", "States.ArrayUnique");
}
