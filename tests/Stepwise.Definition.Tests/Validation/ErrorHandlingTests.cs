namespace Stepwise.Definition.Tests.Validation;

public sealed class ErrorHandlingTests
{
    private static Stepwise.Definition.Validation.ValidationResult WithRetry(string retriers) =>
        Asl.ValidateState($$$$"""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","End":true,"Retry":{{{{retriers}}}}}""");

    private static Stepwise.Definition.Validation.ValidationResult WithCatch(string catchers) =>
        Asl.ValidateStateThenDone($$$$"""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","Next":"Done","Catch":{{{{catchers}}}}}""");

    [Fact]
    public void A_complete_retrier_is_accepted()
    {
        Asl.AssertValid(WithRetry("""[{"ErrorEquals":["States.Timeout"],"IntervalSeconds":2,"MaxAttempts":0,"BackoffRate":1.5,"MaxDelaySeconds":10,"JitterStrategy":"FULL","Comment":"c"},{"ErrorEquals":["States.ALL"]}]"""));
    }

    [Fact]
    public void ErrorEquals_cannot_be_empty()
    {
        Asl.AssertSchema(WithRetry("""[{"ErrorEquals":[]}]"""), "Value cannot be empty", "/States/X/Retry[0]/ErrorEquals");
    }

    [Fact]
    public void ErrorEquals_is_required()
    {
        Asl.AssertSchema(WithRetry("""[{"MaxAttempts":1}]"""), "These fields are required: [ErrorEquals]", "/States/X/Retry[0]");
    }

    [Fact]
    public void States_ALL_must_appear_alone()
    {
        Asl.AssertSchema(WithRetry("""[{"ErrorEquals":["States.ALL","Custom"]}]"""), "The value 'States.ALL' must appear alone in 'ErrorEquals'", "/States/X/Retry[0]/ErrorEquals");
    }

    [Fact]
    public void A_catch_all_retrier_must_be_the_last_one()
    {
        Asl.AssertSchema(WithRetry("""[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["Custom"]}]"""), "A rule with 'States.ALL' in 'ErrorEquals' must be the last one", "/States/X/Retry[0]");
    }

    [Fact]
    public void A_catch_all_catcher_must_be_the_last_one()
    {
        Asl.AssertSchema(
            WithCatch("""[{"ErrorEquals":["States.ALL"],"Next":"Done"},{"ErrorEquals":["Custom"],"Next":"Done"}]"""),
            "A rule with 'States.ALL' in 'ErrorEquals' must be the last one", "/States/X/Catch[0]");
    }

    [Theory]
    [InlineData("MaxAttempts", "-1", "The value for the field 'MaxAttempts' must be greater than or equal to 0")]
    [InlineData("IntervalSeconds", "0", "The value for the field 'IntervalSeconds' must be greater than or equal to 1")]
    [InlineData("BackoffRate", "0.5", "The value for the field 'BackoffRate' must be greater than or equal to 1")]
    [InlineData("MaxDelaySeconds", "0", "The value for the field 'MaxDelaySeconds' must be greater than or equal to 1")]
    [InlineData("MaxAttempts", "1.5", "The value for the field 'MaxAttempts' must be an INTEGER")]
    [InlineData("JitterStrategy", "\"SOME\"", "The field 'JitterStrategy' should have one of these values: [FULL, NONE]")]
    public void Retrier_values_are_range_checked(string field, string value, string message)
    {
        Asl.AssertSchema(WithRetry($$$$"""[{"ErrorEquals":["E"],"{{{{field}}}}":{{{{value}}}}}]"""), message, "/States/X/Retry[0]/" + field);
    }

    [Fact]
    public void An_unknown_retrier_field_is_not_supported()
    {
        Asl.AssertSchema(WithRetry("""[{"ErrorEquals":["E"],"Next":"Done"}]"""), "Field 'Next' is not supported", "/States/X/Retry[0]");
    }

    [Fact]
    public void A_catcher_needs_Next()
    {
        Asl.AssertSchema(WithCatch("""[{"ErrorEquals":["E"]}]"""), "These fields are required: [Next]", "/States/X/Catch[0]");
    }

    [Fact]
    public void A_catcher_ResultPath_must_be_a_reference_path()
    {
        Asl.AssertSchema(WithCatch("""[{"ErrorEquals":["E"],"Next":"Done","ResultPath":"$..x"}]"""), "The value for the field 'ResultPath' must be a valid JSONPath", "/States/X/Catch[0]/ResultPath");
    }

    [Fact]
    public void Retry_must_be_an_array()
    {
        Asl.AssertSchema(WithRetry("{}"), "The value for the field 'Retry' must be an ARRAY", "/States/X/Retry");
    }
}
