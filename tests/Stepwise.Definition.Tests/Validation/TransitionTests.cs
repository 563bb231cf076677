using Stepwise.Definition.Validation;

namespace Stepwise.Definition.Tests.Validation;

public sealed class TransitionTests
{
    [Fact]
    public void Next_and_End_together_are_rejected()
    {
        Asl.AssertSchema(Asl.ValidateStateThenDone("""{"Type":"Pass","Next":"Done","End":true}"""), "The fields 'Next' and 'End' cannot both be specified", "/States/X");
    }

    [Theory]
    [InlineData("""{"Type":"Pass"}""")]
    [InlineData("""{"Type":"Pass","End":false}""")]
    public void A_state_without_Next_or_End_true_is_rejected(string state)
    {
        Asl.AssertSchema(Asl.ValidateStateThenDone(state), "Either 'Next' or 'End: true' must be specified", "/States/X");
    }

    [Theory]
    [InlineData("Succeed")]
    [InlineData("Fail")]
    public void Terminal_state_types_cannot_have_Next(string type)
    {
        Asl.AssertSchema(Asl.ValidateStateThenDone($$$$"""{"Type":"{{{{type}}}}","Next":"Done"}"""), "Field 'Next' is not supported", "/States/X");
    }

    [Fact]
    public void A_Next_naming_no_state_is_a_missing_transition_target_reported_before_unreachable_states()
    {
        var result = Asl.ValidateStateThenDone("""{"Type":"Pass","Next":"Nope"}""");

        Assert.Equal(
            [(DiagnosticCodes.MissingTransitionTarget, "Missing 'Next' target: Nope", "/States/X/Next"), (DiagnosticCodes.MissingTransitionTarget, "State \"Done\" is not reachable.", "/States/Done")],
            result.Diagnostics.Select(d => (d.Code, d.Message, d.Location)));
    }

    [Fact]
    public void Choice_Default_and_Catch_targets_use_the_word_Next_and_their_own_locations()
    {
        var result = Asl.Validate("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"N1"}],"Default":"N2"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"N3"}]}}}
            """);

        Assert.Equal(
            ["Missing 'Next' target: N1 @ /States/C/Choices[0]/Next", "Missing 'Next' target: N2 @ /States/C/Default", "Missing 'Next' target: N3 @ /States/T/Catch[0]/Next", "State \"T\" is not reachable. @ /States/T"],
            result.Diagnostics.Select(d => d.Message + " @ " + d.Location));
    }

    [Fact]
    public void A_StartAt_naming_no_state_is_a_missing_transition_target()
    {
        var result = Asl.Validate("""{"StartAt":"Nope","States":{"A":{"Type":"Succeed"}}}""");

        Assert.False(result.IsValid);
        Assert.Equal(("Missing 'Next' target: Nope", "/StartAt"), (result.Diagnostics[0].Message, result.Diagnostics[0].Location));
    }

    [Fact]
    public void A_state_nothing_transitions_to_is_not_reachable()
    {
        Asl.AssertSingle(
            Asl.Validate("""{"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}"""),
            DiagnosticCodes.MissingTransitionTarget, "State \"B\" is not reachable.", "/States/B");
    }

    [Fact]
    public void A_loop_without_a_terminal_state_reports_only_the_missing_end_without_a_location()
    {
        var diagnostic = Asl.Single(Asl.Validate("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},"Unused":{"Type":"Pass","Next":"A"}}}
            """));

        Assert.Equal((DiagnosticCodes.MissingEndState, "Workflow has no terminal state", ""), (diagnostic.Code, diagnostic.Message, diagnostic.Location));
    }

    [Fact]
    public void An_unreachable_terminal_state_makes_a_loop_an_unreachability_error_instead()
    {
        Asl.AssertSingle(
            Asl.Validate("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},"C":{"Type":"Pass","End":true}}}"""),
            DiagnosticCodes.MissingTransitionTarget, "State \"C\" is not reachable.", "/States/C");
    }

    [Fact]
    public void States_reached_only_through_a_catcher_are_reachable()
    {
        Asl.AssertValid(Asl.Validate("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:111111111111:function:f","End":true,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}]},
              "H":{"Type":"Fail"}}}
            """));
    }

    [Fact]
    public void A_schema_error_hides_the_graph_errors()
    {
        Asl.AssertSchema(
            Asl.Validate("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope","Bogus":1}}}"""),
            "Field 'Bogus' is not supported", "/States/A");
    }

    [Fact]
    public void Graph_errors_inside_a_Parallel_branch_are_located_inside_the_branch()
    {
        var result = Asl.ValidateState("""{"Type":"Parallel","End":true,"Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"Gone"}}}]}""");

        Assert.Equal(
            [(DiagnosticCodes.MissingTransitionTarget, "/States/X/Branches[0]/States/B1/Next"), (DiagnosticCodes.MissingEndState, "")],
            result.Diagnostics.Select(d => (d.Code, d.Location)));
    }

    [Fact]
    public void A_branch_cannot_transition_to_a_state_of_the_enclosing_machine()
    {
        var result = Asl.ValidateStateThenDone("""{"Type":"Parallel","Next":"Done","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"Done"}}}]}""");

        Assert.Contains(result.Diagnostics, d => d.Location == "/States/X/Branches[0]/States/B1/Next" && d.Code == DiagnosticCodes.MissingTransitionTarget);
    }

    [Fact]
    public void State_names_must_be_unique_across_nested_machines()
    {
        Asl.AssertSingle(
            Asl.ValidateState("""{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}]}"""),
            DiagnosticCodes.DuplicateStateName, "Duplicate State name: X", "/States/X/Branches[0]/States/X");
    }
}
