using Stepwise.Definition.Model;
using Stepwise.Json;
using Xunit;

namespace Stepwise.Definition.Tests.Jsonata;

public sealed class JsonataChoiceRuleTests
{
    [Fact]
    public void A_Choice_state_with_Condition_rules_reads_them_in_order_with_their_Output_and_Assign()
    {
        var machine = StateMachine.FromJson(JsonValue.Parse("""
            {"QueryLanguage":"JSONata","StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[
                {"Condition":"{% $states.input.a %}","Next":"X","Output":{"o":1}},
                {"Condition":true,"Next":"Y","Assign":{"v":"{% 2 %}"}}],"Default":"X"},
              "X":{"Type":"Succeed"},"Y":{"Type":"Succeed"}}}
            """));
        var choice = (ChoiceState)machine.States["C"];

        Assert.Empty(choice.Choices);
        Assert.Equal(2, choice.JsonataChoices.Count);
        Assert.Equal("X", choice.JsonataChoices[0].Next);
        Assert.Equal("""{"o":1}""", choice.JsonataChoices[0].Output!.ToJsonString());
        Assert.Null(choice.JsonataChoices[0].Assign);
        Assert.Equal(1, choice.JsonataChoices[1].Index);
        Assert.True(choice.JsonataChoices[1].Condition.AsBoolean());
        Assert.Equal("""{"v":"{% 2 %}"}""", choice.JsonataChoices[1].Assign!.ToJsonString());
    }

    [Fact]
    public void A_Condition_rule_without_Next_is_unreadable()
    {
        var error = Assert.Throws<FormatException>(() => StateMachine.FromJson(JsonValue.Parse("""
            {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":true}],"Default":"X"},"X":{"Type":"Succeed"}}}
            """)));

        Assert.Contains("Choices[0]", error.Message, StringComparison.Ordinal);
    }
}
