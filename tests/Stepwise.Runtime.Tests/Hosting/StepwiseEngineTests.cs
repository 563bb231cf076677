using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Runtime.Tests.TestSupport;
using Stepwise.Testing;

namespace Stepwise.Runtime.Tests.Hosting;

public sealed class StepwiseEngineTests
{
    [Fact]
    public async Task OnEvent_sees_every_event_in_order_as_it_is_recorded()
    {
        var seen = new List<long>();

        var result = await Engines.RunAsync("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}", options: new RunOptions { OnEvent = e => seen.Add(e.Id) });

        Assert.Equal(result.History.Select(e => e.Id), seen);
    }

    [Fact]
    public async Task ARNs_and_the_context_object_use_the_configured_names()
    {
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { FastTime = true, AccountId = "111111111111", Region = "eu-west-1", Time = new FixedTimeProvider(Asl.Start) });

        var result = await engine.RunAsync(Asl.Json("{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'c.$':'$$'},'End':true}}}"), Asl.Json("{}"),
            new RunOptions { StateMachineName = "Orders", ExecutionName = "run-1" });

        Assert.Equal("arn:aws:states:eu-west-1:111111111111:execution:Orders:run-1", result.ExecutionArn);
        Assert.Equal("arn:aws:states:eu-west-1:111111111111:stateMachine:Orders", result.StateMachineArn);
        var context = result.Output!.AsObject()["c"]!.AsObject();
        Assert.Equal(result.ExecutionArn, context["Execution"]!.AsObject()["Id"]!.AsString());
        Assert.Equal("arn:aws:iam::111111111111:role/stepwise-execution", context["Execution"]!.AsObject()["RoleArn"]!.AsString());
        Assert.Equal("2024-05-01T12:00:00Z", context["State"]!.AsObject()["EnteredTime"]!.AsString()[..19] + "Z");
        Assert.Equal("arn:aws:iam::111111111111:role/stepwise-execution", result.History[0].Details!["roleArn"]!.AsString());
    }

    [Fact]
    public async Task A_seeded_engine_names_executions_reproducibly()
    {
        async Task<string> NameAsync()
        {
            await using var engine = Engines.Create();
            var result = await engine.RunAsync(Asl.Json("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}"), Asl.Json("{}"));
            return result.ExecutionArn;
        }

        var first = await NameAsync();

        Assert.Equal(first, await NameAsync());
        Assert.Matches("execution:StateMachine:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-", first);
    }

    [Fact]
    public async Task A_handler_that_completes_later_is_awaited()
    {
        var gate = new TaskCompletionSource<JsonValue>(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = Engines.RunAsync("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::later:x','End':true}}}", "{}",
            engine => engine.RegisterTask("arn:aws:states:::later:x", (_, _) => new ValueTask<JsonValue>(gate.Task)));
        gate.SetResult("late");
        var result = await run;

        Assert.Equal("\"late\"", Engines.OutputText(result));
    }

    [Fact]
    public async Task An_unexpected_handler_exception_fails_only_the_task()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::bad:x','Catch':[{'ErrorEquals':['States.ALL'],'Next':'H'}],'End':true},
              'H':{'Type':'Pass','End':true}}}
            """, "{}", engine => engine.RegisterTask("arn:aws:states:::bad:x", (_, _) => throw new InvalidOperationException("kaboom")));

        Assert.Equal("""{"Error":"InvalidOperationException","Cause":"kaboom"}""", Engines.OutputText(result));
    }

    [Fact]
    public async Task The_execution_timeout_ends_the_run_as_TIMED_OUT()
    {
        var result = await Engines.RunAsync("{'StartAt':'W','TimeoutSeconds':10,'States':{'W':{'Type':'Wait','Seconds':60,'End':true}}}");

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("TIMED_OUT", result.Status.ToAwsString());
        Assert.Equal("ExecutionTimedOut", result.History[^1].Type);
        Assert.Equal(Asl.Start.AddSeconds(10), result.StopDate);
    }

    [Fact]
    public async Task RegisterLambda_accepts_names_partial_ARNs_and_qualifiers()
    {
        foreach (var registered in new[] { "fn", "123456789012:function:fn", "arn:aws:lambda:us-east-1:123456789012:function:fn:prod" })
        {
            var result = await Engines.RunAsync("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:fn:1','End':true}}}", "{}",
                engine => engine.RegisterLambda(registered, (_, _) => ValueTask.FromResult<JsonValue>(registered)));

            Assert.Equal(JsonText.Quote(registered), Engines.OutputText(result));
        }
    }

    [Fact]
    public async Task A_JSONata_state_machine_runs_its_expressions()
    {
        var result = await Engines.RunAsync("{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass','Output':'{% 1 + 2 %}','End':true}}}");

        Assert.Equal("3", Engines.OutputText(result));
    }

    [Fact]
    public async Task Without_FastTime_a_Wait_completes_when_the_given_clock_reaches_its_timer()
    {
        var clock = new ManualTimeProvider(Asl.Start);
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Time = clock, RandomSeed = 1 });
        var armed = clock.TimerCreated;

        var run = engine.RunAsync(Asl.Json("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}"), Asl.Json("{}"));
        await armed;
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(10));
        var result = await run;

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(Asl.Start.AddSeconds(10), result.History[^1].Timestamp);
    }

    [Fact]
    public async Task An_input_over_256_KiB_runs_when_the_operator_raised_MaxPayloadBytes()
    {
        string input = "{\"s\":\"" + new string('x', Interpreter.DefaultMaxPayloadBytes) + "\"}";
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { FastTime = true, MaxPayloadBytes = 2 * Interpreter.DefaultMaxPayloadBytes });

        var result = await engine.RunAsync(Asl.Json("{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}}"), JsonValue.Parse(input));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(input.Length, result.Output!.GetUtf8Size());
    }

    [Fact]
    public async Task A_lowered_MaxPayloadBytes_fails_a_state_output_over_it_with_States_DataLimitExceeded()
    {
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { FastTime = true, MaxPayloadBytes = 64 });

        var result = await engine.RunAsync(Asl.Json("{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'s':'" + new string('y', 64) + "'},'End':true}}}"),
            Asl.Json("{}"));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.DataLimitExceeded", result.Error);
    }

    [Fact]
    public void MaxPayloadBytes_below_one_byte_is_rejected()
    {
        var options = new StepwiseEngineOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxPayloadBytes = 0);
        Assert.Equal(262_144, options.MaxPayloadBytes);
    }
}
