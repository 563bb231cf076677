namespace Stepwise.Jsonata.Tests.Guards;

public sealed class GuardTests
{
    [Fact]
    public void Deep_non_tail_recursion_fails_with_U1001_instead_of_overflowing_the_stack()
    {
        var error = Jsonata.Error("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000000))");
        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Deep_recursion_on_a_thread_with_a_small_stack_still_fails_cleanly()
    {
        string? code = null;
        var thread = new Thread(() => code = Jsonata.Error("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000000))").Code, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal("U1001", code);
    }

    [Fact]
    public void Tail_recursion_runs_in_constant_stack()
    {
        Assert.Equal("100000", Jsonata.Eval("($count := function($n, $acc){ $n = 0 ? $acc : $count($n - 1, $acc + 1) }; $count(100000, 0))"));
    }

    [Fact]
    public void The_depth_limit_counts_nested_evaluation_steps()
    {
        const string expression = "($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(50))";
        Assert.Equal("50", Jsonata.Eval(expression));
        Assert.Equal("U1001", Jsonata.Error(expression, options: new JsonataOptions { MaxDepth = 100 }).Code);
    }

    [Fact]
    public void The_time_limit_stops_an_endless_loop()
    {
        var options = new JsonataOptions { TimeLimit = TimeSpan.FromMilliseconds(100) };
        var error = Jsonata.Error("($loop := function($n){ $loop($n + 1) }; $loop(0))", options: options);
        Assert.Equal("U1001", error.Code);
        Assert.Contains("timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_result_size_limit_rejects_large_results()
    {
        var options = new JsonataOptions { MaxResultSize = 1000 };
        Assert.Equal("[1,2,3]", Jsonata.Eval("[1..3]", options: options));
        Assert.Equal("D1011", Jsonata.Error("[1..1000]", options: options).Code);
    }

    [Fact]
    public void Ranges_larger_than_ten_million_items_are_refused()
    {
        Assert.Equal("D2014", Jsonata.Error("[1..20000000]").Code);
    }

    [Fact]
    public void Absurdly_nested_expressions_fail_to_compile_cleanly()
    {
        string expression = new string('(', 100_000) + "1" + new string(')', 100_000);
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile(expression));
        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Values_built_deeper_than_the_nesting_limit_fail_cleanly()
    {
        var error = Jsonata.Error("$reduce([1..5000], function($acc, $v){ {'a': $acc} }, {})");
        Assert.Equal("U1001", error.Code);
        Assert.Equal("""{"a":{"a":{}}}""", Jsonata.Eval("$reduce([1..2], function($acc, $v){ {'a': $acc} }, {})"));
    }

    [Fact]
    public void A_catastrophically_backtracking_regex_times_out_with_U1001()
    {
        var error = Jsonata.Error("$contains('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /^(a+)+$/)");
        Assert.Equal("U1001", error.Code);
    }
}
