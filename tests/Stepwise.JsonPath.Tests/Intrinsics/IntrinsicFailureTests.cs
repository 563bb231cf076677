using Stepwise.Json;
using Stepwise.JsonPath.Intrinsics;

namespace Stepwise.JsonPath.Tests.Intrinsics;

/// <summary>
/// Failure causes. AWS reports a failing intrinsic as States.Runtime, quoting the whole call as written:
/// "The function '&lt;call&gt;' had the following error: &lt;detail&gt;" (recorded against AWS us-east-1 by floci's
/// AslExecutorIntrinsicMissingArgumentTest; "Invalid arguments in States.MathAdd" by aws-test-harness's tests).
/// </summary>
public sealed class IntrinsicFailureTests
{
    [Fact]
    public void A_path_that_matches_nothing_names_the_path_and_quotes_the_input()
    {
        AslError error = Intrinsic.Failure("States.Format('{}', $.nope)", """{"other":1}""");
        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal(
            """The function 'States.Format('{}', $.nope)' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{"other":1}'""",
            error.Cause);
    }

    [Fact]
    public void The_cause_quotes_the_call_verbatim_including_its_spacing() =>
        Assert.StartsWith("The function 'States.Format('{}',$.nope)' had", Intrinsic.Failure("States.Format('{}',$.nope)").Cause, StringComparison.Ordinal);

    [Fact]
    public void A_later_missing_argument_names_itself() =>
        Assert.Contains("for the field '$.a.b'", Intrinsic.Failure("States.Format('{} {}', $.other, $.a.b)", """{"other":1}""").Cause, StringComparison.Ordinal);

    [Fact]
    public void A_failure_in_a_nested_call_quotes_the_whole_expression() =>
        Assert.Equal(
            """The function 'States.Format('{}', States.Format('{}', $.nope))' had the following error: The JsonPath argument for the field '$.nope' could not be found in the input '{"other":1}'""",
            Intrinsic.Failure("States.Format('{}', States.Format('{}', $.nope))", """{"other":1}""").Cause);

    [Fact]
    public void A_missing_context_path_is_named_on_dollar_and_quotes_the_state_input() =>
        Assert.Equal(
            """The function 'States.Format('{}', $$.Nope.Deep)' had the following error: The JsonPath argument for the field '$.Nope.Deep' could not be found in the input '{"other":1}'""",
            Intrinsic.Failure("States.Format('{}', $$.Nope.Deep)", """{"other":1}""").Cause);

    [Fact]
    public void An_index_past_the_end_of_an_array_is_a_missing_argument() =>
        Assert.Contains("for the field '$.items[5]'", Intrinsic.Failure("States.Format('{}', $.items[5])", """{"items":[1,2]}""").Cause, StringComparison.Ordinal);

    [Fact]
    public void An_explicit_null_is_a_value_not_a_missing_argument() =>
        Assert.Equal("null", Intrinsic.Evaluate("States.Format('{}', $.nul)", """{"nul":null}""").AsString());

    [Fact]
    public void A_wildcard_that_matches_nothing_is_an_empty_array() =>
        Intrinsic.AssertJson("0", Intrinsic.Evaluate("States.ArrayLength($.items[*].nope)", """{"items":[1,2]}"""));

    [Fact]
    public void A_rejected_argument_in_a_nested_call_names_the_inner_function() =>
        Assert.Equal(
            "The function 'States.Array(States.MathAdd($.a, 'x'))' had the following error: Invalid arguments in States.MathAdd",
            Intrinsic.Failure("States.Array(States.MathAdd($.a, 'x'))", """{"a":1}""").Cause);

    [Theory] // States.Base64Encode(), States.Hash('hello') and friends fail at run time on AWS, with States.Runtime
    [InlineData("States.UUID(1)", "States.UUID")]
    [InlineData("States.Base64Encode()", "States.Base64Encode")]
    [InlineData("States.Base64Encode('a', 'b')", "States.Base64Encode")]
    [InlineData("States.Hash('hello')", "States.Hash")]
    [InlineData("States.ArrayRange(1, 5)", "States.ArrayRange")]
    [InlineData("States.MathRandom(1)", "States.MathRandom")]
    [InlineData("States.MathRandom(1, 10, 5, 99)", "States.MathRandom")]
    [InlineData("States.JsonMerge($.a, $.b)", "States.JsonMerge")]
    [InlineData("States.Format()", "States.Format")]
    public void A_wrong_argument_count_fails_when_the_call_runs(string call, string function) =>
        Intrinsic.AssertInvalidArguments(call, function);

    [Fact]
    public void A_wrong_argument_count_in_a_nested_call_fails_the_whole_expression() =>
        Intrinsic.AssertInvalidArguments("States.Array(States.Hash('x'))", "States.Hash");

    [Fact]
    public void Variables_are_read_through_the_scope()
    {
        var variables = new Variables(("greeting", new JsonString("Hello {}!")), ("name", new JsonString("John")));
        var scope = new PathScope(JsonObject.Empty, Intrinsic.Context, variables);
        Assert.True(IntrinsicCall.Parse("States.Format($greeting, $name)").TryEvaluate(scope, out JsonValue? value, out AslError error), error.Cause);
        Assert.Equal("Hello John!", value.AsString()); // test_reference_assign_BASE_REFERENCE_IN_INTRINSIC_FUNCTION
    }

    private sealed class Variables(params (string Name, JsonValue Value)[] values) : IVariableReader
    {
        public bool TryGetVariable(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonValue? value)
        {
            foreach ((string Name, JsonValue Value) variable in values)
            {
                if (variable.Name == name)
                {
                    value = variable.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
