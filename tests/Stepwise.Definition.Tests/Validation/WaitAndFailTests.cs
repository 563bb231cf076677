namespace Stepwise.Definition.Tests.Validation;

public sealed class WaitAndFailTests
{
    [Theory]
    [InlineData("\"Seconds\":5")]
    [InlineData("\"Timestamp\":\"2016-03-14T01:59:00Z\"")]
    [InlineData("\"Timestamp\":\"2016-03-14T01:59:00.243167252+02:00\"")]
    [InlineData("\"SecondsPath\":\"$.s\"")]
    [InlineData("\"TimestampPath\":\"$.t\"")]
    public void A_Wait_with_one_way_of_waiting_is_accepted(string field)
    {
        Asl.AssertValid(Asl.ValidateState($$$$"""{"Type":"Wait",{{{{field}}}},"End":true}"""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"Seconds\":5,\"SecondsPath\":\"$.s\",")]
    public void A_Wait_needs_exactly_one_way_of_waiting(string fields)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Wait",{{{{fields}}}}"End":true}"""),
            "Exactly one of these fields must be specified: [Seconds, Timestamp, SecondsPath, TimestampPath]", "/States/X");
    }

    [Theory]
    [InlineData("2016-13-05T21:29:29Z")]
    [InlineData("05-12-2016T21:29:29Z")]
    [InlineData("2016-12-05T25:29:29Z")]
    [InlineData("2016-12-05 21:29:29Z")]
    [InlineData("2016-12-05T21:29:29")]
    [InlineData("{% '2016-03-14T01:59:00Z' %}")]
    public void A_Timestamp_must_be_RFC_3339_with_an_offset(string timestamp)
    {
        Asl.AssertSchema(
            Asl.ValidateState($$$$"""{"Type":"Wait","Timestamp":"{{{{timestamp}}}}","End":true}"""),
            "String does not match RFC3339 timestamp", "/States/X/Timestamp");
    }

    [Fact]
    public void A_JSONata_Wait_may_compute_its_Timestamp()
    {
        Asl.AssertValid(Asl.Validate("""{"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Wait","Timestamp":"{% $states.input.t %}","End":true}}}"""));
    }

    [Fact]
    public void Seconds_cannot_be_negative()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Wait","Seconds":-1,"End":true}"""),
            "The value for the field 'Seconds' must be greater than or equal to 0", "/States/X/Seconds");
    }

    [Fact]
    public void Error_and_ErrorPath_exclude_each_other()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Fail","Error":"E","ErrorPath":"$.e"}"""),
            "The fields 'Error' and 'ErrorPath' cannot both be specified", "/States/X");
    }

    [Fact]
    public void CausePath_accepts_an_intrinsic_function()
    {
        Asl.AssertValid(Asl.ValidateState("""{"Type":"Fail","ErrorPath":"$.e","CausePath":"States.Format('failed: {}', $.why)"}"""));
    }

    [Fact]
    public void CausePath_must_be_a_path_or_an_intrinsic_function()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Fail","CausePath":"why"}"""),
            "The value for the field 'CausePath' must be a valid JSONPath or a valid intrinsic function call", "/States/X/CausePath");
    }

    [Fact]
    public void SecondsPath_must_be_a_reference_path()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Wait","SecondsPath":"$.waits[0:2]","End":true}"""),
            "The value for the field 'SecondsPath' must be a valid ReferencePath", "/States/X/SecondsPath");
    }
}
