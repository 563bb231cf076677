using Stepwise.Definition.Validation;

namespace Stepwise.Definition.Tests.Validation;

public sealed class StateTests
{
    [Fact]
    public void An_unknown_state_type_lists_the_valid_types_at_the_Type_field()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"TypeThatDoesNotExist","End":true}"""),
            "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
            "/States/X/Type");
    }

    [Fact]
    public void A_state_without_Type_is_rejected_at_the_state()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"End":true}"""), "These fields are required: [Type]", "/States/X");
    }

    [Theory]
    [InlineData("""{"Type":"Pass","End":true,"TimeoutSeconds":5}""", "TimeoutSeconds")]
    [InlineData("""{"Type":"Pass","End":true,"Retry":[]}""", "Retry")]
    [InlineData("""{"Type":"Pass","End":true,"Catch":[]}""", "Catch")]
    [InlineData("""{"Type":"Wait","Seconds":1,"End":true,"Resource":"arn:aws:lambda:us-east-1:1:function:f"}""", "Resource")]
    [InlineData("""{"Type":"Succeed","ResultPath":"$.x"}""", "ResultPath")]
    [InlineData("""{"Type":"Fail","InputPath":"$"}""", "InputPath")]
    [InlineData("""{"Type":"Map","End":true,"TimeoutSeconds":5,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Succeed"}}}}""", "TimeoutSeconds")]
    public void A_field_the_state_type_does_not_have_is_not_supported_at_the_state(string state, string field)
    {
        Asl.AssertSchema(Asl.ValidateState(state), $"Field '{field}' is not supported", "/States/X");
    }

    [Fact]
    public void A_state_name_longer_than_80_characters_is_rejected()
    {
        string name = new('n', 81);
        var diagnostic = Asl.Single(Asl.Validate($$$$"""{"StartAt":"{{{{name}}}}","States":{"{{{{name}}}}":{"Type":"Succeed"}}}"""));

        Assert.Equal(DiagnosticCodes.InvalidStateName, diagnostic.Code);
        Assert.Equal("/States/" + name, diagnostic.Location);
    }

    [Fact]
    public void A_state_name_of_exactly_80_characters_is_accepted()
    {
        string name = new('n', 80);
        Asl.AssertValid(Asl.Validate($$$$"""{"StartAt":"{{{{name}}}}","States":{"{{{{name}}}}":{"Type":"Succeed"}}}"""));
    }

    [Fact]
    public void A_state_that_is_not_an_object_is_rejected()
    {
        Asl.AssertSchema(Asl.ValidateState("42"), "The value for the field 'X' must be an OBJECT", "/States/X");
    }

    [Fact]
    public void Comment_must_be_a_string()
    {
        Asl.AssertSchema(Asl.ValidateState("""{"Type":"Succeed","Comment":1}"""), "The value for the field 'Comment' must be a STRING", "/States/X/Comment");
    }

    [Fact]
    public void Every_state_type_is_accepted_in_its_plain_form()
    {
        Asl.AssertValid(Asl.Validate("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","Next":"P"},
              "P":{"Type":"Pass","Result":{"a":1},"ResultPath":"$.r","Next":"W"},
              "W":{"Type":"Wait","Seconds":1,"Next":"C"},
              "C":{"Type":"Choice","Choices":[{"Variable":"$.r.a","NumericEquals":1,"Next":"Par"}],"Default":"F"},
              "Par":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"Next":"M"},
              "M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"Next":"S"},
              "S":{"Type":"Succeed"},
              "F":{"Type":"Fail","Error":"E","Cause":"c"}}}
            """));
    }
}
