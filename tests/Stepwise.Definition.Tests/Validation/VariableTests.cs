namespace Stepwise.Definition.Tests.Validation;

public sealed class VariableTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("theAnswer")]
    [InlineData("var_constant_1")]
    [InlineData("_private")]
    [InlineData("café")]
    [InlineData("名前")]
    public void Unicode_identifiers_are_valid_variable_names(string name)
    {
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"Assign":{"{{{{name}}}}":1,"{{{{name}}}}Copy.$":"$"}}"""));
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("a-b")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("$x")]
    [InlineData("")]
    public void A_name_that_is_not_an_identifier_is_rejected_at_the_Assign_field(string name)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"Assign":{"{{{{name}}}}":1}}"""),
            $"The variable name '{name}' is not valid: it must start with a letter or '_' and contain only letters, digits and '_'",
            "/States/X/Assign");
    }

    [Fact]
    public void In_a_JSONPath_state_the_dollar_suffix_is_not_part_of_the_name()
    {
        Asl.AssertValid(Asl.ValidateState("""{"Type":"Pass","End":true,"Assign":{"x.$":"$.a"}}"""));
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"Assign":{"1x.$":"$.a"}}"""),
            "The variable name '1x' is not valid: it must start with a letter or '_' and contain only letters, digits and '_'",
            "/States/X/Assign");
    }

    [Fact]
    public void A_name_of_80_characters_is_accepted_and_81_is_not()
    {
        string name80 = new('v', 80);
        string name81 = new('v', 81);
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"Assign":{"{{{{name80}}}}":1}}"""));
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"Assign":{"{{{{name81}}}}":1}}"""),
            $"The variable name '{name81}' exceeds the maximum length of 80 characters", "/States/X/Assign");
    }

    [Fact]
    public void The_name_states_is_reserved()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"Assign":{"states":1}}"""),
            "The variable name 'states' is reserved", "/States/X/Assign");
    }

    [Fact]
    public void A_variable_assigned_both_literally_and_by_path_is_a_duplicate()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"Assign":{"x":1,"x.$":"$.a"}}"""),
            "The variable 'x' is assigned more than once in the same Assign", "/States/X/Assign");
    }

    [Fact]
    public void Catcher_and_choice_rule_Assign_blocks_follow_the_same_name_rules()
    {
        Asl.AssertSchema(
            Asl.Validate("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Assign":{"bad-name":1},"Next":"D"}],"Default":"D"},
                  "D":{"Type":"Succeed"}}}
                """),
            "The variable name 'bad-name' is not valid: it must start with a letter or '_' and contain only letters, digits and '_'",
            "/States/C/Choices[0]/Assign");
        Asl.AssertSchema(
            Asl.Validate("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}],
                  "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"states":1},"Next":"D"}]},"D":{"Type":"Succeed"}}}
                """),
            "The variable name 'states' is reserved", "/States/P/Catch[0]/Assign");
    }

    [Fact]
    public void Variables_cannot_be_the_target_of_a_ResultPath()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"ResultPath":"$x"}"""),
            "The value for the field 'ResultPath' must be a valid JSONPath", "/States/X/ResultPath");
    }

    [Theory]
    [InlineData("Succeed")]
    [InlineData("Fail")]
    public void Succeed_and_Fail_states_cannot_assign(string type)
    {
        var result = Asl.ValidateState($$$$"""{"Type":"{{{{type}}}}","Assign":{"x":1}}""");
        Assert.Contains(result.Diagnostics, d => d.Message == "Field 'Assign' is not supported");
    }
}
