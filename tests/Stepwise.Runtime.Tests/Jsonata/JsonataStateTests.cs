using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime.Tests.TestSupport;
using Xunit;

namespace Stepwise.Runtime.Tests.Jsonata;

/// <summary>JSONata states end to end: definitions are written with double quotes, as JSONata strings need single ones.</summary>
public sealed class JsonataStateTests
{
    private static async Task<ExecutionResult> RunAsync(string definition, string input = "{}", Action<StepwiseEngine>? setup = null)
    {
        await using var engine = Engines.Create();
        setup?.Invoke(engine);
        return await engine.RunAsync(JsonValue.Parse(definition), JsonValue.Parse(input), new RunOptions { ExecutionName = "exec" });
    }

    private static string Machine(string states, string startAt = "A") =>
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"" + startAt + "\",\"States\":{" + states + "}}";

    [Fact]
    public async Task Output_templates_evaluate_expressions_at_any_depth_and_keep_literals()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Pass","Output":{"sum":"{% $states.input.a + 1 %}","list":["{% $states.input.a * 2 %}", "x {% 1 %}", 7],"name":"{% $states.context.State.Name %}"},"End":true}
            """), """{"a":20}""");

        Assert.Equal("""{"sum":21,"list":[40,"x {% 1 %}",7],"name":"A"}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_state_without_Output_passes_its_input_through()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}
            """), """{"keep":true}""");

        Assert.Equal("""{"keep":true}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task An_undefined_result_fails_with_QueryEvaluationError_and_an_EvaluationFailed_event()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Pass","Output":{"result":"{% $states.input.missing %}"},"End":true}
            """));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Equal("An error occurred while executing the state 'A' (entered at the event id #2). The JSONata expression '$states.input.missing' specified for the field 'Output/result' returned nothing (undefined).", result.Cause);
        var failed = Assert.Single(result.History, e => e.Type == "EvaluationFailed");
        Assert.Equal("Output/result", failed.Details!["location"]!.AsString());
        Assert.Equal(0, failed.PreviousEventId);
    }

    [Fact]
    public async Task A_key_whose_value_is_undefined_inside_an_object_constructor_is_omitted()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Pass","Output":"{% {'a': 1, 'b': $states.input.missing} %}","End":true}
            """));

        Assert.Equal("""{"a":1}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_Task_sends_its_Arguments_and_its_Output_reads_the_result()
    {
        JsonValue? received = null;
        var result = await RunAsync(Machine("""
            "A":{"Type":"Task","Resource":"arn:aws:states:::demo:echo","Arguments":{"n":"{% $states.input.n %}"},"Output":{"doubled":"{% $states.result.n * 2 %}","before":"{% $states.input.n %}"},"End":true}
            """), """{"n":4}""", engine => engine.RegisterTask("arn:aws:states:::demo:echo", (request, _) =>
        {
            received = request.Input;
            return new ValueTask<JsonValue>(request.Input);
        }));

        Assert.Equal("""{"n":4}""", received?.ToJsonString());
        Assert.Equal("""{"doubled":8,"before":4}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_Choice_Condition_picks_the_first_true_rule_and_applies_its_Output()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Choice","Choices":[
              {"Condition":"{% $states.input.n > 10 %}","Next":"Big","Output":"big"},
              {"Condition":"{% $states.input.n > 1 %}","Next":"Small","Output":{"size":"small"}}],"Default":"Big"},
            "Big":{"Type":"Succeed"},"Small":{"Type":"Succeed"}
            """), """{"n":5}""");

        Assert.Equal("""{"size":"small"}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_Condition_that_is_not_boolean_is_a_query_evaluation_error()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n %}","Next":"B"}]},"B":{"Type":"Succeed"}
            """), """{"n":5}""");

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Contains("Expected 'boolean', but was 'number' for value: 5", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_Items_and_ItemSelector_see_the_item_in_the_context()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Map","Items":"{% $states.input.xs %}","ItemSelector":{"v":"{% $states.context.Map.Item.Value * 10 %}","i":"{% $states.context.Map.Item.Index %}"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Output":"{% $states.result.v %}","End":true}
            """), """{"xs":[1,2,3]}""");

        Assert.Equal("[10,20,30]", Engines.OutputText(result));
    }

    [Fact]
    public async Task Map_Items_that_are_not_an_array_fail_with_AWS_cause()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Map","Items":"{% 'text' %}","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """));

        Assert.EndsWith("The JSONata expression ''text'' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'string' for value: \"text\"", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catcher_Output_reads_errorOutput_and_the_error_is_caught()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Task","Resource":"arn:aws:states:::demo:fail","Catch":[{"ErrorEquals":["States.ALL"],"Output":{"why":"{% $states.errorOutput.Error %}","in":"{% $states.input.x %}"},"Next":"B"}],"End":true},
            "B":{"Type":"Succeed"}
            """), """{"x":1}""", engine => engine.RegisterTask("arn:aws:states:::demo:fail", (_, _) => throw new TaskFailedException("Boom", "bad")));

        Assert.Equal("""{"why":"Boom","in":1}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_query_evaluation_error_is_retried_and_then_caught()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Parallel","Arguments":"{% $states.input.nothing %}","Branches":[{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}],
              "Retry":[{"ErrorEquals":["States.QueryEvaluationError"],"MaxAttempts":2,"IntervalSeconds":1}],
              "Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"B"}],"End":true},
            "B":{"Type":"Pass","Output":"{% $states.input.Error %}","End":true}
            """));

        Assert.Equal("\"States.QueryEvaluationError\"", Engines.OutputText(result));
        Assert.Equal(3, result.History.Count(e => e.Type == "EvaluationFailed"));
    }

    [Fact]
    public async Task Wait_Seconds_and_Fail_Error_and_Cause_take_expressions()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Wait","Seconds":"{% $states.input.s %}","Next":"F"},
            "F":{"Type":"Fail","Error":"{% 'E' & $states.input.s %}","Cause":"{% $string($states.input) %}"}
            """), """{"s":5}""");

        Assert.Equal("E5", result.Error);
        Assert.Equal("""{"s":5}""", result.Cause);
        Assert.Equal(TimeSpan.FromSeconds(5), result.StopDate - result.StartDate);
    }

    [Fact]
    public async Task A_malformed_Timestamp_is_a_query_evaluation_error_located_at_Timestamp()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Wait","Timestamp":"{% '2016-12-05 21:29:29Z' %}","End":true}
            """));

        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.EndsWith("The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05 21:29:29Z", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSONPath_machine_may_hold_a_JSONata_state()
    {
        var result = await RunAsync("""
            {"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"v.$":"$.x"},"Next":"B"},
              "B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.v + 1 %}","End":true}}}
            """, """{"x":1}""");

        Assert.Equal("2", Engines.OutputText(result));
    }

    [Fact]
    public async Task Now_is_the_time_of_the_decision_not_of_the_machine()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Pass","Output":"{% $now() %}","End":true}
            """));

        Assert.Equal("\"2024-05-01T12:00:00.000Z\"", Engines.OutputText(result));
    }

    [Theory]
    [InlineData(true, "{\"condition\":true}")]
    [InlineData(false, "\"default\"")]
    public async Task A_Choice_state_Output_goes_with_Default_only(bool condition, string expected)
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.condition %}","Next":"B"}],"Default":"B","Output":"default"},
            "B":{"Type":"Succeed"}
            """), "{\"condition\":" + (condition ? "true" : "false") + "}");

        Assert.Equal(expected, Engines.OutputText(result));
    }

    [Fact]
    public async Task Assign_writes_variables_that_later_states_read_and_Output_sees_the_values_from_before()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Pass","Assign":{"n":1},"Next":"B"},
            "B":{"Type":"Pass","Assign":{"n":"{% $n + 10 %}"},"Output":{"seen":"{% $n %}"},"Next":"C"},
            "C":{"Type":"Pass","Output":{"before":"{% $states.input.seen %}","now":"{% $n %}"},"End":true}
            """));

        Assert.Equal("""{"before":1,"now":11}""", Engines.OutputText(result));
        var exited = result.History.Where(e => e.Type == "PassStateExited").ToList();
        Assert.Equal("""{"n":"11"}""", exited[1].Details!["assignedVariables"]!.ToJsonString());
    }

    [Fact]
    public async Task A_Map_iteration_reads_the_variables_of_the_state_machine()
    {
        var result = await RunAsync(Machine("""
            "A":{"Type":"Pass","Assign":{"factor":3},"Next":"M"},
            "M":{"Type":"Map","Items":"{% [1,2] %}","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input * $factor %}","End":true}}},"End":true}
            """));

        Assert.Equal("[3,6]", Engines.OutputText(result));
    }
}
