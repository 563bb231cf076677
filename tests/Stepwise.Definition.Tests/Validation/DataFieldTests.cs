namespace Stepwise.Definition.Tests.Validation;

public sealed class DataFieldTests
{
    [Theory]
    [InlineData("InputPath")]
    [InlineData("OutputPath")]
    public void Input_and_output_paths_must_be_paths(string field)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"{{{{field}}}}":"a.b"}"""),
            $"The value for the field '{field}' must be a valid JSONPath", "/States/X/" + field);
    }

    [Theory]
    [InlineData("\"InputPath\":null")]
    [InlineData("\"OutputPath\":null")]
    [InlineData("\"ResultPath\":null")]
    [InlineData("\"ResultPath\":\"$.a.b[0]\"")]
    [InlineData("\"InputPath\":\"$$.Execution.Input\"")]
    public void Null_and_valid_paths_are_accepted(string field)
    {
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Pass","End":true,{{{{field}}}}}"""));
    }

    [Theory]
    [InlineData("$.a[*]")]
    [InlineData("$$.Execution")]
    [InlineData("a")]
    public void ResultPath_must_be_a_reference_path_over_the_input(string path)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Pass","End":true,"ResultPath":"{{{{path}}}}"}"""),
            "The value for the field 'ResultPath' must be a valid JSONPath", "/States/X/ResultPath");
    }

    [Fact]
    public void A_template_key_with_a_bad_path_is_reported_at_the_template_field()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"Parameters":{"outer":{"inner.$":"not a path"}}}"""),
            "The value for the field 'inner.$' must be a valid JSONPath or a valid intrinsic function call", "/States/X/Parameters");
    }

    [Fact]
    public void A_template_key_with_a_value_that_is_not_a_string_names_its_type()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"Parameters":{"a.$":1}}"""),
            "The value for the field 'a.$' must be a STRING that contains a JSONPath but was a NUMBER", "/States/X/Parameters");
    }

    [Fact]
    public void Every_template_error_is_reported()
    {
        var result = Asl.ValidateState("""{"Type":"Pass","End":true,"Parameters":{"a.$":"x","b.$":"y"}}""");

        Assert.Equal(2, result.Diagnostics.Count);
    }

    [Fact]
    public void Paths_context_paths_and_intrinsic_calls_compile_in_templates()
    {
        Asl.AssertValid(Asl.ValidateState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,
             "Parameters":{"FunctionName":"f","a.$":"$.a","id.$":"$$.Execution.Id","f.$":"States.Format('{}', $.a)","static":{"k":[1,2]}},
             "ResultSelector":{"p.$":"$.Payload"}}
            """));
    }

    [Fact]
    public void Assign_must_be_an_object()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"Type":"Pass","End":true,"Assign":[1]}"""), "The value for the field 'Assign' must be an OBJECT", "/States/X/Assign");
    }

    [Fact]
    public void JSONPath_Assign_values_follow_template_rules()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"Assign":{"v.$":"oops"}}"""),
            "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call", "/States/X/Assign");
    }
}
