using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.Runtime.Testing;

namespace Stepwise.Runtime.Tests.Testing;

public sealed class StateTestTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static StateTest Start(string state, string input = "{}", StateTestOptions? options = null, string? stateName = null)
    {
        Assert.True(StateTest.TryIsolate(JsonValue.Parse(state).AsObject(), stateName, out var machine));
        return StateTest.Start(StateMachine.FromJson(machine, checkTransitions: false), (options ?? new StateTestOptions()) with { Input = JsonValue.Parse(input) },
            s_now, new Random(7));
    }

    [Fact]
    public void A_Pass_state_reports_every_step_of_its_data_flow()
    {
        var test = Start("""
            {"Type":"Pass","InputPath":"$.data","Parameters":{"v.$":"$.x"},"ResultPath":"$.out","OutputPath":"$.out","Next":"After"}
            """, """{"data":{"x":1}}""");

        var result = test.Result!;
        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("""{"v":1}""", result.Output!.ToJsonString());
        Assert.Equal("After", result.NextState);
        Assert.Equal("""{"data":{"x":1}}""", result.Inspection.Input!.ToJsonString());
        Assert.Equal("""{"x":1}""", result.Inspection.AfterInputPath!.ToJsonString());
        Assert.Equal("""{"v":1}""", result.Inspection.AfterParameters!.ToJsonString());
        Assert.Equal("""{"data":{"x":1},"out":{"v":1}}""", result.Inspection.AfterResultPath!.ToJsonString());
    }

    [Fact]
    public void A_Pass_state_with_Result_reports_the_result_instead_of_InputPath_and_Parameters()
    {
        var result = Start("""{"Type":"Pass","Result":{"r":2},"End":true}""", """{"a":1}""").Result!;

        Assert.Equal("""{"r":2}""", result.Inspection.Result!.ToJsonString());
        Assert.Null(result.Inspection.AfterInputPath);
        Assert.Null(result.NextState);
    }

    [Fact]
    public void A_Choice_state_reports_the_matching_rule_as_the_next_state()
    {
        var result = Start("""
            {"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"}],"Default":"Small"}
            """, """{"n":11}""").Result!;

        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("Big", result.NextState);
    }

    [Fact]
    public void A_Fail_state_reports_its_error_and_cause()
    {
        var result = Start("""{"Type":"Fail","Error":"Oops","Cause":"Bad"}""").Result!;

        Assert.Equal(StateTestStatus.Failed, result.Status);
        Assert.Equal("Oops", result.Error);
        Assert.Equal("Bad", result.Cause);
        Assert.Null(result.Output);
    }

    [Fact]
    public void A_Wait_state_goes_on_at_once()
    {
        var result = Start("""{"Type":"Wait","Seconds":3600,"Next":"Later"}""").Result!;

        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("Later", result.NextState);
    }

    [Fact]
    public void A_Task_waits_for_its_result_then_applies_ResultSelector_and_ResultPath()
    {
        var test = Start("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$"},
             "ResultSelector":{"p.$":"$.Payload"},"ResultPath":"$.r","End":true}
            """, """{"in":true}""");

        Assert.Null(test.Result);
        Assert.Equal("""{"FunctionName":"f","Payload":{"in":true}}""", test.PendingTask!.Input.ToJsonString());
        test.TaskSucceeded(JsonValue.Parse("""{"Payload":5}"""), s_now);

        var result = test.Result!;
        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("""{"in":true,"r":{"p":5}}""", result.Output!.ToJsonString());
        Assert.Equal("""{"Payload":5}""", result.Inspection.Result!.ToJsonString());
        Assert.Equal("""{"p":5}""", result.Inspection.AfterResultSelector!.ToJsonString());
    }

    [Fact]
    public void A_failure_a_retrier_matches_is_RETRIABLE_with_the_retrier_and_its_backoff()
    {
        var test = Start("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},
             "Retry":[{"ErrorEquals":["Other"]},{"ErrorEquals":["Boom"],"IntervalSeconds":4}],"End":true}
            """);

        test.TaskFailed("Boom", "why", s_now);

        var result = test.Result!;
        Assert.Equal(StateTestStatus.Retriable, result.Status);
        Assert.Equal("Boom", result.Error);
        Assert.Equal("why", result.Cause);
        Assert.Equal(new InspectionErrorDetails(null, 1, 4), result.Inspection.ErrorDetails);
    }

    [Fact]
    public void Retries_already_spent_leave_the_error_to_the_catcher()
    {
        var test = Start("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},
             "Retry":[{"ErrorEquals":["Boom"],"MaxAttempts":2}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handle"}],"End":true}
            """, options: new StateTestOptions { RetrierRetryCount = 2 });

        test.TaskFailed("Boom", "why", s_now);

        var result = test.Result!;
        Assert.Equal(StateTestStatus.CaughtError, result.Status);
        Assert.Equal("Handle", result.NextState);
        Assert.Equal("""{"Error":"Boom","Cause":"why"}""", result.Output!.ToJsonString());
        Assert.Equal(0, result.Inspection.ErrorDetails!.CatchIndex);
    }

    [Fact]
    public void An_unhandled_task_failure_is_FAILED()
    {
        var test = Start("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}""");

        test.TaskFailed("Boom", null, s_now);

        Assert.Equal(StateTestStatus.Failed, test.Result!.Status);
        Assert.Equal("Boom", test.Result.Error);
    }

    [Fact]
    public void A_given_context_object_is_what_the_state_reads_as_the_context()
    {
        var context = JsonValue.Parse("""{"Execution":{"Name":"mine"}}""").AsObject();

        var result = Start("""{"Type":"Pass","Parameters":{"c.$":"$$"},"End":true}""", options: new StateTestOptions { Context = context }).Result!;

        Assert.Equal("""{"c":{"Execution":{"Name":"mine"}}}""", result.Output!.ToJsonString());
    }

    [Fact]
    public void The_default_context_names_the_state_StateName_and_shows_no_role()
    {
        var result = Start("""
            {"QueryLanguage":"JSONata","StartAt":"Mine","States":{"Mine":{"Type":"Pass","Output":"{% $states.context %}","End":true}}}
            """, stateName: "Mine").Result!;

        var context = result.Output!.AsObject();
        Assert.Equal("StateName", context["State"]!.AsObject()["Name"]!.AsString());
        Assert.Equal(JsonValueKind.Null, context["Execution"]!.AsObject()["RoleArn"]!.Kind);
        Assert.Contains(":express:", context["Execution"]!.AsObject()["Id"]!.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_variables_are_readable_and_reported_with_those_the_state_assigns()
    {
        var result = Start("""{"Type":"Pass","Assign":{"b.$":"$x"},"Parameters":{"a.$":"$x"},"End":true}""",
            options: new StateTestOptions { Variables = JsonValue.Parse("""{"x":3}""").AsObject() }).Result!;

        Assert.Equal("""{"a":3}""", result.Output!.ToJsonString());
        var variables = result.Inspection.Variables!;
        Assert.Equal(2, variables.Count);
        Assert.Equal("3", variables["x"]!.ToJsonString());
        Assert.Equal("3", variables["b"]!.ToJsonString());
    }

    [Fact]
    public void A_state_nested_in_a_Map_is_found_by_name()
    {
        Assert.True(StateTest.TryIsolate(JsonValue.Parse("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"Inner","States":{"Inner":{"Type":"Succeed"}}},"End":true}}}
            """).AsObject(), "Inner", out var machine));

        Assert.Equal("""{"StartAt":"StateName","States":{"StateName":{"Type":"Succeed"}}}""", machine.ToJsonString());
        Assert.False(StateTest.TryIsolate(machine, "Missing", out _));
    }

    [Fact]
    public void A_mocked_result_answers_the_task_without_the_host()
    {
        var test = Start("""{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}""",
            options: new StateTestOptions { Mock = new StateTestMock(JsonValue.Parse("""{"ok":1}""")) });

        Assert.Null(test.PendingTask);
        Assert.Equal(StateTestStatus.Succeeded, test.Result!.Status);
        Assert.Equal("""{"ok":1}""", test.Result.Output!.ToJsonString());
    }

    [Fact]
    public void A_mocked_error_goes_through_the_JSONata_catcher()
    {
        var result = Start("""
            {"QueryLanguage":"JSONata","Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f"},
             "Catch":[{"ErrorEquals":["Nope"],"Next":"A"},{"ErrorEquals":["Boom"],"Output":"{% $states.errorOutput.Cause %}","Next":"B"}],"End":true}
            """, options: new StateTestOptions { Mock = new StateTestMock(null, "Boom", "why") }).Result!;

        Assert.Equal(StateTestStatus.CaughtError, result.Status);
        Assert.Equal("B", result.NextState);
        Assert.Equal("\"why\"", result.Output!.ToJsonString());
        Assert.Equal("""{"FunctionName":"f"}""", result.Inspection.AfterArguments!.ToJsonString());
        Assert.Equal(1, result.Inspection.ErrorDetails!.CatchIndex);
    }

    [Fact]
    public void A_mocked_Parallel_result_goes_through_ResultPath()
    {
        var result = Start("""
            {"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
             {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],"ResultPath":"$.r","End":true}
            """, """{"x":0}""", new StateTestOptions { Mock = new StateTestMock(JsonValue.Parse("[1,2]")) }).Result!;

        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("""{"x":0,"r":[1,2]}""", result.Output!.ToJsonString());
    }

    [Theory]
    [InlineData(1, StateTestStatus.Succeeded)]
    [InlineData(2, StateTestStatus.Failed)]
    public void Mocked_Map_failures_beyond_the_tolerated_count_fail_the_Map(int failures, StateTestStatus status)
    {
        var result = Start("""
            {"Type":"Map","ItemsPath":"$.items","ToleratedFailureCount":1,"MaxConcurrency":2,
             "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """, """{"items":[1,2,3]}""",
            new StateTestOptions { Mock = new StateTestMock(JsonValue.Parse("[1,0,0]")), MapIterationFailureCount = failures }).Result!;

        Assert.Equal(status, result.Status);
        Assert.Equal(status == StateTestStatus.Failed ? "States.ExceedToleratedFailureThreshold" : null, result.Error);
        Assert.Equal(2, result.Inspection.MaxConcurrency);
        Assert.Equal(1, result.Inspection.ToleratedFailureCount);
    }

    [Fact]
    public void A_mocked_Map_with_a_ResultWriter_takes_the_writer_s_object_as_its_result()
    {
        var result = Start("""
            {"Type":"Map","ItemsPath":"$.items","ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"b","Prefix":"p"}},
             "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """, """{"items":[1]}""", new StateTestOptions { Mock = new StateTestMock(JsonValue.Parse("""{"ResultWriterDetails":{"Bucket":"b"}}""")) }).Result!;

        Assert.Equal(StateTestStatus.Succeeded, result.Status);
        Assert.Equal("""{"ResultWriterDetails":{"Bucket":"b"}}""", result.Output!.ToJsonString());
    }
}
