using Stepwise.Json;

namespace Stepwise.Jsonata.Tests.Api;

public sealed class JsonataExpressionTests
{
    [Fact]
    public void A_compiled_expression_evaluates_many_inputs()
    {
        var expression = JsonataExpression.Compile("a + b");
        Assert.Equal(3, expression.Evaluate(JsonValue.Parse("""{"a":1,"b":2}"""))!.AsNumber().ToDouble());
        Assert.Equal(30, expression.Evaluate(JsonValue.Parse("""{"a":10,"b":20}"""))!.AsNumber().ToDouble());
    }

    [Fact]
    public void A_compiled_expression_is_safe_to_share_between_threads()
    {
        var expression = JsonataExpression.Compile("$sum(items.(price * qty))");
        var failures = 0;
        Parallel.For(0, 200, i =>
        {
            var input = JsonValue.Parse($$"""{"items":[{"price":{{i}},"qty":2},{"price":1,"qty":{{i}}}]}""");
            if (expression.Evaluate(input)!.AsNumber().ToDouble() != 3 * i)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void No_match_is_undefined_which_is_not_json_null()
    {
        Assert.Null(JsonataExpression.Compile("missing").Evaluate(JsonValue.Parse("{}")));
        Assert.Same(JsonValue.Null, JsonataExpression.Compile("a").Evaluate(JsonValue.Parse("""{"a":null}""")));
    }

    [Fact]
    public void Syntax_errors_are_reported_at_compile_time_with_their_code()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("a +"));
        Assert.Equal("S0207", error.Code);
    }

    [Fact]
    public void Errors_name_the_function_whose_signature_the_call_breaks()
    {
        var error = Jsonata.Error("$uppercase(1)");
        Assert.Equal("T0410", error.Code);
        Assert.Equal("uppercase", error.Token);
        Assert.Equal("Argument 1 of function uppercase does not match function signature", error.Message);

        // An array parameter with an item type checks the items.
        Assert.Equal("T0412", Jsonata.Error("""$sum("a")""").Code);
    }

    [Fact]
    public void Bindings_are_visible_as_variables_and_hide_built_ins()
    {
        var bindings = new JsonataBindings().Set("rate", 2).Set("sum", "shadowed");
        Assert.Equal("""[6,"shadowed"]""", Jsonata.Eval("[price * $rate, $sum]", """{"price":3}""", bindings));
    }

    [Fact]
    public void A_bound_function_receives_validated_arguments()
    {
        var bindings = new JsonataBindings().SetFunction("twice", "<n:n>", static (args, _) => args[0]!.AsNumber().ToDouble() * 2);
        Assert.Equal("8", Jsonata.Eval("$twice(4)", bindings: bindings));
        Assert.Equal("T0410", Assert.Throws<JsonataException>(() => Jsonata.Eval("""$twice("x")""", bindings: bindings)).Code);
    }

    [Fact]
    public void Registered_functions_are_called_with_their_signature_applied()
    {
        // A missing context argument (the '-' in the signature) is filled from the context value.
        var options = new JsonataOptions().RegisterFunction("shout", "<s-:s>", static (args, _) => args[0]!.AsString().ToUpperInvariant() + "!");
        Assert.Equal("""["A!","B!"]""", Jsonata.Eval("names.$shout()", """{"names":["a","b"]}""", options: options));
    }

    [Fact]
    public void Registered_functions_can_take_arrays_and_return_structures()
    {
        var options = new JsonataOptions().RegisterFunction("partition", "<an:a>", static (args, _) =>
        {
            var items = args[0]!.AsArray();
            int size = (int)args[1]!.AsNumber().ToDouble();
            var chunks = new List<JsonValue>();
            for (int i = 0; i < items.Count; i += size)
            {
                chunks.Add(JsonArray.Create(items.AsSpan()[i..Math.Min(items.Count, i + size)]));
            }

            return JsonArray.Create(chunks);
        });
        Assert.Equal("[[1,2],[3,4],[5]]", Jsonata.Eval("$partition([1..5], 2)", options: options));

        // A single value where the signature wants an array arrives as a one-item array.
        Assert.Equal("[[7]]", Jsonata.Eval("$partition(7, 2)", options: options));
    }

    [Fact]
    public void Host_functions_see_the_evaluation_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var options = new JsonataOptions { TimeProvider = clock }
            .RegisterFunction("year", "<:n>", static (_, context) => context.Now.Year);
        Assert.Equal("""["2024-05-06T07:08:09.000Z",2024]""", Jsonata.Eval("[$now(), $year()]", options: options));
    }

    [Fact]
    public void A_hidden_built_in_cannot_be_called()
    {
        var options = new JsonataOptions().HideFunction("eval");
        Assert.Equal("3", Jsonata.Eval("$eval('1 + 2')"));
        Assert.Equal("T1006", Jsonata.Error("$eval('1 + 2')", options: options).Code);
        Assert.Equal("3", Jsonata.Eval("$sum([1, 2])", options: options));
    }

    [Fact]
    public void A_top_level_array_input_is_one_value()
    {
        Assert.Equal("[1,2,3]", Jsonata.Eval("$", "[1,2,3]"));
        Assert.Equal("2", Jsonata.Eval("$[1]", "[1,2,3]"));
        Assert.Equal("3", Jsonata.Eval("$count($$)", "[1,2,3]"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
