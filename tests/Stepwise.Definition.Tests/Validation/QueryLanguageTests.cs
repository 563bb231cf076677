namespace Stepwise.Definition.Tests.Validation;

public sealed class QueryLanguageTests
{
    [Fact]
    public void A_JSONPath_state_inside_a_JSONata_machine_is_rejected_at_the_state()
    {
        Asl.AssertSchema(
            Asl.Validate("""{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","End":true,"QueryLanguage":"JSONPath"}}}"""),
            "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", "/States/P");
    }

    [Fact]
    public void A_JSONata_state_inside_a_JSONPath_machine_is_accepted()
    {
        Asl.AssertValid(Asl.Validate("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"QueryLanguage":"JSONata","Output":"{% 1 %}"}}}"""));
    }

    [Fact]
    public void A_JSONata_only_field_in_a_JSONPath_state_names_both_languages()
    {
        Asl.AssertSchema(
            Asl.ValidateState("""{"Type":"Pass","End":true,"Output":{"a":1}}"""),
            "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", "/States/X");
    }

    [Fact]
    public void A_JSONPath_only_field_in_a_JSONata_state_names_both_languages()
    {
        Asl.AssertSchema(
            Asl.Validate("""{"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass","End":true,"InputPath":"$.a"}}}"""),
            "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage", "/States/X");
    }

    [Fact]
    public void States_inside_a_Map_inherit_the_machine_language_not_the_Map_language()
    {
        Asl.AssertSchema(
            Asl.Validate("""
                {"StartAt":"M","States":{"M":{"Type":"Map","QueryLanguage":"JSONata","End":true,
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Output":"{% 1 %}"}}}}}}
                """),
            "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage", "/States/M/ItemProcessor/States/P");
    }

    [Fact]
    public void A_JSONPath_state_in_a_JSONata_Map_of_a_JSONPath_machine_is_accepted()
    {
        Asl.AssertValid(Asl.Validate("""
            {"StartAt":"Map","QueryLanguage":"JSONPath","States":{"Map":{"Type":"Map","QueryLanguage":"JSONata",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Pass","States":{"Pass":{"QueryLanguage":"JSONPath","Type":"Pass","End":true}}},"End":true}}}
            """));
    }

    [Fact]
    public void QueryLanguage_has_two_values()
    {
        Asl.AssertSchema(
            Asl.Validate("""{"QueryLanguage":"XPath","StartAt":"X","States":{"X":{"Type":"Succeed"}}}"""),
            "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]", "/QueryLanguage");
    }

    [Fact]
    public void JSONata_fields_are_accepted_without_parsing_their_expressions_yet()
    {
        Asl.AssertValid(Asl.Validate("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{
              "M":{"Type":"Map","Items":"{% $states.input.items %}","ItemSelector":{"v":"{% $states.context.Map.Item.Value %}"},
                   "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Assign":{"n":"{% 1 %}"},"Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":"{% $states.input %}","Output":"{% $states.result.Payload %}",
                   "Catch":[{"ErrorEquals":["States.ALL"],"Output":"{% $states.errorOutput %}","Next":"F"}],"End":true},
              "F":{"Type":"Fail","Error":"{% 'E' %}"}}}
            """));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"{% $states.input.items %}\"")]
    public void JSONata_Map_Items_are_an_array_or_an_expression(string items)
    {
        Asl.AssertValid(Asl.Validate(
            "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"Items\":" + items
            + ",\"End\":true,\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}}}}"));
    }

    [Fact]
    public void JSONata_Map_Items_cannot_be_a_plain_string()
    {
        Asl.AssertSchema(
            Asl.Validate("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"$.items","End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}
                """),
            "The value for the field 'Items' must be an ARRAY or a JSONata expression", "/States/M/Items");
    }
}
