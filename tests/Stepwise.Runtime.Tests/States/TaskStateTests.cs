using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class TaskStateTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:echo";

    [Fact]
    public async Task A_bare_function_ARN_records_LambdaFunction_events_and_returns_the_raw_payload()
    {
        var result = await Engines.RunAsync("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FunctionArn + "','End':true}}}", "{'a':1}",
            engine => engine.RegisterLambda("echo", (request, _) => ValueTask.FromResult(request.Input)));

        Assert.Equal("""{"a":1}""", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted TaskStateEntered LambdaFunctionScheduled LambdaFunctionStarted LambdaFunctionSucceeded TaskStateExited ExecutionSucceeded",
            Asl.Types(result.History));
        Assert.Equal("1:0 2:0 3:2 4:3 5:4 6:5 7:6", Asl.Links(result.History));
        Assert.Equal(FunctionArn, result.History[2].Details!["resource"]!.AsString());
    }

    [Fact]
    public async Task Lambda_invoke_returns_the_Invoke_response_and_records_Task_events()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
              'Parameters':{'FunctionName':'arn:aws:lambda:us-east-1:123456789012:function:echo:live','Payload.$':'$'},
              'OutputPath':'$.Payload','End':true}}}
            """, "{'a':1}", engine => engine.RegisterLambda("echo", (request, _) => ValueTask.FromResult(request.Input)));

        Assert.Equal("""{"a":1}""", Engines.OutputText(result));
        var scheduled = result.History[2];
        Assert.Equal("TaskScheduled", scheduled.Type);
        Assert.Equal(("lambda", "invoke", "us-east-1"), (scheduled.Details!["resourceType"]!.AsString(), scheduled.Details["resource"]!.AsString(), scheduled.Details["region"]!.AsString()));
        var succeeded = JsonValue.Parse(result.History[4].Details!["output"]!.AsString()).AsObject();
        Assert.Equal(["ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"], succeeded.Keys.ToArray());
    }

    [Fact]
    public async Task A_Lambda_function_error_is_recorded_with_the_errorType_and_a_JSON_cause()
    {
        var result = await Engines.RunAsync("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FunctionArn + "','End':true}}}", "{}",
            engine => engine.RegisterLambda("echo", (_, _) => throw new LambdaFunctionException("ValueError", "bad value")));

        Assert.Equal((ExecutionStatus.Failed, "ValueError"), (result.Status, result.Error));
        var cause = JsonValue.Parse(result.Cause!).AsObject();
        Assert.Equal("bad value", cause["errorMessage"]!.AsString());
        Assert.Equal("ValueError", cause["errorType"]!.AsString());
        Assert.StartsWith("{\"errorMessage\": ", result.Cause, StringComparison.Ordinal);
        Assert.Equal("LambdaFunctionFailed", result.History[4].Type);
    }

    [Fact]
    public async Task ResultSelector_reads_the_task_result_and_the_context_object()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::my:thing',
              'ResultSelector':{'v.$':'$.value','retries.$':'$$.State.RetryCount'},'ResultPath':'$.r','End':true}}}
            """, "{'keep':true}", engine => engine.RegisterTask("arn:aws:states:::my:thing", (_, _) => ValueTask.FromResult(Asl.Json("{'value':9}"))));

        Assert.Equal("""{"keep":true,"r":{"v":9,"retries":0}}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task JSONPath_Credentials_are_evaluated_and_recorded_as_the_scheduled_event_s_taskCredentials()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::my:thing',
              'Credentials':{'RoleArn.$':'$.role'},'End':true}}}
            """, "{'role':'arn:aws:iam::222222222222:role/trusted'}", engine => engine.RegisterTask("arn:aws:states:::my:thing", (_, _) => ValueTask.FromResult(Asl.Json("{}"))));

        var scheduled = result.History[2];
        Assert.Equal("TaskScheduled", scheduled.Type);
        Assert.Equal(Asl.Json("{'roleArn':'arn:aws:iam::222222222222:role/trusted'}"), scheduled.Details!["taskCredentials"]);
    }

    [Fact]
    public async Task An_unknown_Lambda_function_fails_with_Lambda_ResourceNotFoundException()
    {
        var result = await Engines.RunAsync("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FunctionArn + "','End':true}}}");

        Assert.Equal("Lambda.ResourceNotFoundException", result.Error);
    }

    [Fact]
    public void TimeoutSeconds_fails_the_task_with_States_Timeout_when_its_timer_fires_first()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','TimeoutSeconds':5,'End':true}}}"));
        driver.Start(Asl.Json("{}"));
        driver.Apply(new TaskStartedStimulus(driver.LastInvoke().TaskId));

        driver.FireLastTimer();

        Assert.Equal("ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskTimedOut ExecutionFailed", Asl.Types(driver.History));
        Assert.Equal(Asl.Start.AddSeconds(5), driver.History[^1].Timestamp);
        Assert.Equal("States.Timeout", driver.Snapshot!.Error);
        Assert.Equal(5, driver.History[2].Details!["timeoutInSeconds"]!.AsNumber().ToDouble());
    }

    [Fact]
    public void A_heartbeat_restarts_the_heartbeat_clock_and_silence_fails_with_States_HeartbeatTimeout()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y.waitForTaskToken','HeartbeatSeconds':10,'End':true}}}"));
        driver.Start(Asl.Json("{}"));
        var invoke = driver.LastInvoke();
        Assert.NotNull(invoke.TaskToken);
        var firstBeatTimer = driver.LastTimer();

        driver.Now = Asl.Start.AddSeconds(8);
        driver.Apply(new TaskHeartbeatStimulus(invoke.TaskId));
        driver.Apply(new TimerFiredStimulus(firstBeatTimer.TimerId));
        Assert.False(driver.Snapshot!.IsFinished);

        driver.FireLastTimer();

        Assert.Equal("States.HeartbeatTimeout", driver.Snapshot!.Error);
        Assert.Equal(Asl.Start.AddSeconds(18), driver.History[^1].Timestamp);
    }

    [Fact]
    public void A_late_result_after_a_timeout_is_ignored()
    {
        var driver = new Driver(Asl.Machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','TimeoutSeconds':1,'Catch':[{'ErrorEquals':['States.Timeout'],'Next':'P'}],'End':true},'P':{'Type':'Wait','Seconds':60,'End':true}}}"));
        driver.Start(Asl.Json("{}"));
        var invoke = driver.LastInvoke();
        driver.FireLastTimer();
        int events = driver.History.Count;

        var decision = driver.Apply(new TaskSucceededStimulus(invoke.TaskId, Asl.Json("{}")));

        Assert.Empty(decision.Events);
        Assert.Equal(events, driver.History.Count);
    }

    [Fact]
    public async Task An_activity_records_Activity_events_with_its_input()
    {
        const string Activity = "arn:aws:states:us-east-1:123456789012:activity:work";
        var result = await Engines.RunAsync("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + Activity + "','HeartbeatSeconds':10,'TimeoutSeconds':60,'End':true}}}", "{'job':1}",
            engine => engine.RegisterTask(Activity, (request, _) => ValueTask.FromResult(request.Input)));

        Assert.Equal("ExecutionStarted TaskStateEntered ActivityScheduled ActivityStarted ActivitySucceeded TaskStateExited ExecutionSucceeded", Asl.Types(result.History));
        Assert.Equal("""{"resource":"arn:aws:states:us-east-1:123456789012:activity:work","input":"{\"job\":1}","inputDetails":{"truncated":false},"timeoutInSeconds":60,"heartbeatInSeconds":10}""",
            result.History[2].Details!.ToJsonString());
        Assert.Equal("activitySucceededEventDetails", result.History[4].DetailsName);
    }
}
