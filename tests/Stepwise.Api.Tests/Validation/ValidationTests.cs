using Stepwise.Api.Protocol;
using Stepwise.Api.Validation;

namespace Stepwise.Api.Tests.Validation;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("activity\u001f")]
    [InlineData("activity\u007f")]
    [InlineData("\u0000activity")]
    [InlineData("tab\tname")]
    [InlineData("bracket[")]
    public void A_name_with_a_control_or_reserved_character_is_InvalidName(string name)
    {
        var error = Assert.Throws<ApiException>(() => ResourceNames.Validate(name));

        Assert.Equal("InvalidName", error.ErrorType);
        Assert.Equal($"Invalid Name: '{name}'", error.Message);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Order-Flow_2.v1")]
    [InlineData("名前")]
    public void Names_of_letters_digits_and_dashes_are_accepted(string name) => ResourceNames.Validate(name);

    [Fact]
    public void An_empty_name_answers_the_models_length_violation()
    {
        var error = Assert.Throws<ApiException>(() => ResourceNames.Validate(""));

        Assert.Equal("ValidationException", error.ErrorType);
        Assert.Contains("Member must have length greater than or equal to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_arn_and_an_alias_arn_are_told_apart_by_their_qualifier()
    {
        var version = Arns.StateMachine("arn:aws:states:us-east-1:123456789012:stateMachine:m:12", "stateMachineArn", allowQualified: true);
        var alias = Arns.StateMachine("arn:aws:states:us-east-1:123456789012:stateMachine:m:live1", "stateMachineArn", allowQualified: true);

        Assert.True(Arns.IsVersion(version));
        Assert.False(Arns.IsVersion(alias));
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:m", alias.Unqualified);
    }

    [Fact]
    public void A_qualified_arn_where_only_a_state_machine_fits_is_InvalidArn()
    {
        var error = Assert.Throws<ApiException>(() => Arns.StateMachine("arn:aws:states:us-east-1:123456789012:stateMachine:m:1", "stateMachineArn"));

        Assert.Equal("InvalidArn", error.ErrorType);
        Assert.Equal("Invalid Arn: 'Invalid ARN: arn:aws:states:us-east-1:123456789012:stateMachine:m:1'", error.Message);
    }

    [Fact]
    public void An_arn_longer_than_256_characters_answers_ValidationException()
    {
        string arn = "arn:aws:states:us-east-1:123456789012:stateMachine:" + new string('m', 210);

        var error = Assert.Throws<ApiException>(() => Arns.StateMachine(arn, "stateMachineArn"));

        Assert.Equal("ValidationException", error.ErrorType);
        Assert.Contains("at 'stateMachineArn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_input_is_an_empty_object()
    {
        Assert.Equal("{}", ExecutionInput.Parse(null).ToJsonString());
    }

    [Fact]
    public void An_input_with_an_unclosed_object_quotes_the_parsers_end_of_input_message()
    {
        var error = Assert.Throws<ApiException>(() => ExecutionInput.Parse("{\"a\":1"));

        Assert.Equal("InvalidExecutionInput", error.ErrorType);
        Assert.StartsWith("Invalid State Machine Execution Input: 'Unexpected end-of-input: expected close marker for Object", error.Message,
            StringComparison.Ordinal);
    }
}
