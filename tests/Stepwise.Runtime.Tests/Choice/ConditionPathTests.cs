using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Tests.Choice;

public sealed class ConditionPathTests
{
    [Theory]
    [InlineData("""{"Variable":"$.missing","NumericEquals":1}""")]
    [InlineData("""{"Variable":"$.missing","StringMatches":"*"}""")]
    [InlineData("""{"Variable":"$.missing","IsNull":true}""")]
    [InlineData("""{"Variable":"$.missing","IsString":false}""")]
    [InlineData("""{"Variable":"$.missing","BooleanEqualsPath":"$.flag"}""")]
    public void A_Variable_that_selects_nothing_is_a_States_Runtime_error_under_every_operator_but_IsPresent(string rule)
    {
        var error = Rules.Fails(rule, """{"flag":true}""");

        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal("Invalid path '$.missing': The choice state's condition path references an invalid value.", error.Cause);
    }

    [Fact]
    public void A_path_operand_that_selects_nothing_is_the_same_error_naming_the_operand_path()
    {
        var error = Rules.Fails("""{"Variable":"$.left","NumericLessThanPath":"$.right"}""", """{"left":8}""");

        Assert.Equal(StatesErrors.Runtime, error.Error);
        Assert.Equal("Invalid path '$.right': The choice state's condition path references an invalid value.", error.Cause);
    }

    [Fact]
    public void The_Variable_is_checked_before_the_operand_path()
    {
        var error = Rules.Fails("""{"Variable":"$.left","NumericLessThanPath":"$.right"}""", """{}""");

        Assert.Contains("'$.left'", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Variable_can_read_the_context_object()
    {
        // context_object/test_context_object__test_variable.json
        var rule = Rules.Read("""{"Variable":"$$.Execution.Input.input-value","NumericLessThanEquals":0}""");
        var context = JsonValue.Parse("""{"Execution":{"Input":{"input-value":0}}}""");

        Assert.True(Evaluate(rule, new PathScope(JsonObject.Empty, context)));
        Assert.False(Evaluate(rule, new PathScope(JsonObject.Empty, JsonValue.Parse("""{"Execution":{"Input":{"input-value":1}}}"""))));
    }

    [Fact]
    public void Variables_and_path_operands_can_read_workflow_variables()
    {
        // assign/test_assign_reference_variables__test_reference_assign_BASE_REFERENCE_IN_CHOICE_acc7d7.json
        var rule = Rules.Read("""{"Variable":"$guess","StringEqualsPath":"$answer"}""");
        var same = new Variables(("guess", "42"), ("answer", "42"));
        var different = new Variables(("guess", "41"), ("answer", "42"));

        Assert.True(Evaluate(rule, new PathScope(JsonObject.Empty, JsonObject.Empty, same)));
        Assert.False(Evaluate(rule, new PathScope(JsonObject.Empty, JsonObject.Empty, different)));
    }

    [Fact]
    public void An_unset_workflow_variable_is_an_invalid_condition_path()
    {
        var rule = Rules.Read("""{"Variable":"$undefinedVariable","StringEquals":"value"}""");

        var error = Rules.Fails(rule, new PathScope(JsonObject.Empty, JsonObject.Empty, new Variables(("other", "value"))));

        Assert.Equal("Invalid path '$undefinedVariable': The choice state's condition path references an invalid value.", error.Cause);
    }

    [Fact]
    public void The_whole_input_can_be_tested()
    {
        // scenarios/test_base_scenarios__test_map_state_break_condition.json tests "$" itself.
        Assert.True(Rules.Matches("""{"Variable":"$","NumericEquals":3}""", "3"));
        Assert.False(Rules.Matches("""{"Variable":"$","NumericEquals":3}""", "\"3\""));
    }

    private static bool Evaluate(Stepwise.Definition.Choice.ChoiceRule rule, in PathScope scope)
    {
        Assert.True(Stepwise.Runtime.Choice.ChoiceEvaluator.TryMatch(rule, scope, out bool matched, out var error), error.Cause);
        return matched;
    }

    private sealed class Variables(params (string Name, string Value)[] values) : IVariableReader
    {
        public bool TryGetVariable(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonValue? value)
        {
            foreach (var (n, v) in values)
            {
                if (n == name)
                {
                    value = v;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
