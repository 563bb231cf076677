using Stepwise.Hosting;
using Stepwise.Hosting.Durable;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.Runtime.Tests.TestSupport;
using Stepwise.Testing;

namespace Stepwise.Runtime.Tests.Hosting;

/// <summary>
/// <c>.waitForTaskToken</c> tasks in the in-memory engine, answered through <see cref="StepwiseEngine"/>'s
/// <c>SendTask*</c> methods. The call goes out to a local command (<c>cat</c>), so the task is submitted and waits.
/// </summary>
public sealed class TaskTokenTests
{
    private const string Waiting = """
        {'StartAt':'Approve','States':{
          'Approve':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',
            'Parameters':{'FunctionName':'Notify','Payload':{'token.$':'$$.Task.Token'}},TIMEOUTS
            'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Caught'}],'End':true},
          'Caught':{'Type':'Pass','End':true}}}
        """;

    private static StepwiseEngine Create(TimeProvider? time = null, bool fastTime = true)
    {
        var integrations = new IntegrationsConfiguration();
        integrations.Functions["Notify"] = new LambdaFunctionConfiguration { Command = ["cat"] };
        return new StepwiseEngine(new StepwiseEngineOptions
        {
            FastTime = fastTime,
            RandomSeed = 7,
            Time = time ?? new FixedTimeProvider(Asl.Start),
            Integrations = integrations,
        });
    }

    private static JsonValue Definition(string timeouts = "") => Asl.Json(Waiting.Replace("TIMEOUTS", timeouts, StringComparison.Ordinal));

    [Fact]
    public async Task SendTaskSuccess_completes_the_waiting_task_with_its_output()
    {
        await using var engine = Create();
        var answers = new List<TaskTokenAnswer>();

        var result = await engine.RunAsync(Definition(), Asl.Json("{}"), new RunOptions
        {
            OnTaskWaiting = waiting => answers.Add(engine.SendTaskSuccessAsync(waiting.TaskToken, Asl.Json("{'approved':true}")).Result),
        });

        Assert.Equal([TaskTokenAnswer.Accepted], answers);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("{\"approved\":true}", Engines.OutputText(result));
        Assert.Contains("TaskSubmitted TaskSucceeded", Asl.Types(result.History), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_waiting_task_names_its_state_and_the_token_the_function_received()
    {
        await using var engine = Create();
        WaitingTask? seen = null;

        var result = await engine.RunAsync(Definition(), Asl.Json("{}"), new RunOptions
        {
            OnTaskWaiting = waiting =>
            {
                seen = waiting;
                _ = engine.SendTaskSuccessAsync(waiting.TaskToken, JsonValue.Null);
            },
        });

        Assert.NotNull(seen);
        Assert.Equal("Approve", seen.StateName);
        var submitted = result.History.Single(e => e.Type == "TaskSubmitted");
        Assert.Contains(seen.TaskToken, submitted.Details!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskFailure_fails_the_task_with_its_error_for_Catch()
    {
        await using var engine = Create();

        var result = await engine.RunAsync(Definition(), Asl.Json("{}"), new RunOptions
        {
            OnTaskWaiting = waiting => _ = engine.SendTaskFailureAsync(waiting.TaskToken, "Rejected", "the approver said no"),
        });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("{\"Error\":\"Rejected\",\"Cause\":\"the approver said no\"}", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_token_answers_once_then_its_task_no_longer_exists()
    {
        await using var engine = Create();
        TaskTokenAnswer? second = null;

        await engine.RunAsync(Definition(), Asl.Json("{}"), new RunOptions
        {
            OnTaskWaiting = waiting =>
            {
                _ = engine.SendTaskSuccessAsync(waiting.TaskToken, JsonValue.Null);
                second = engine.SendTaskFailureAsync(waiting.TaskToken, "Late", null).Result;
            },
        });

        Assert.Equal(TaskTokenAnswer.TaskDoesNotExist, second);
    }

    [Fact]
    public async Task Tokens_of_a_finished_execution_and_malformed_tokens_are_refused_as_the_durable_engine_refuses_them()
    {
        await using var engine = Create();
        string? token = null;
        await engine.RunAsync(Definition(), Asl.Json("{}"), new RunOptions
        {
            OnTaskWaiting = waiting => _ = engine.SendTaskSuccessAsync(token = waiting.TaskToken, JsonValue.Null),
        });

        Assert.Equal(TaskTokenAnswer.TaskDoesNotExist, await engine.SendTaskHeartbeatAsync(token!));
        Assert.Equal(TaskTokenAnswer.InvalidToken, await engine.SendTaskSuccessAsync("not-a-token", JsonValue.Null));
    }

    [Fact]
    public async Task A_heartbeat_is_accepted_and_keeps_the_task_waiting()
    {
        await using var engine = Create();
        TaskTokenAnswer? beat = null;

        var result = await engine.RunAsync(Definition("'HeartbeatSeconds':60,"), Asl.Json("{}"), new RunOptions
        {
            OnTaskWaiting = waiting =>
            {
                beat = engine.SendTaskHeartbeatAsync(waiting.TaskToken).Result;
                _ = engine.SendTaskSuccessAsync(waiting.TaskToken, Asl.Json("'done'"));
            },
        });

        Assert.Equal(TaskTokenAnswer.Accepted, beat);
        Assert.Equal("\"done\"", Engines.OutputText(result));
    }

    [Fact]
    public async Task A_task_that_timed_out_answers_TaskTimedOut()
    {
        var clock = new ManualTimeProvider(Asl.Start);
        await using var engine = Create(clock, fastTime: false);
        string? token = null;
        TaskTokenAnswer? late = null;
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = engine.RunAsync(Definition("'TimeoutSeconds':30,"), Asl.Json("{}"), new RunOptions
        {
            OnTaskWaiting = w =>
            {
                token = w.TaskToken;
                waiting.SetResult();
            },
            OnEvent = e =>
            {
                if (e.Type == "TaskTimedOut")
                {
                    late = engine.SendTaskSuccessAsync(token!, JsonValue.Null).Result;
                }
            },
        });
        await waiting.Task;
        var timer = clock.TimerCreated;
        while (!run.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(31));
            await Task.WhenAny(run, timer);
            timer = clock.TimerCreated;
        }

        var result = await run;
        Assert.Equal(TaskTokenAnswer.TaskTimedOut, late);
        Assert.Contains("TaskTimedOut", Asl.Types(result.History), StringComparison.Ordinal);
    }
}
