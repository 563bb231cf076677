using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Integrations;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class LifecycleTests
{
    private const string FlakyMachine = """
        {'StartAt':'Prepare','States':{
          'Prepare':{'Type':'Pass','Result':{'n':1},'Next':'Work'},
          'Work':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'flaky','Payload':{'count.$':'$$.Execution.RedriveCount'}},
                  'OutputPath':'$.Payload','End':true}}}
        """;

    /// <summary>Fails until it is told to work; echoes its payload.</summary>
    private sealed class Flaky
    {
        public bool Works { get; set; }

        public ValueTask<JsonValue> InvokeAsync(TaskRequest request, CancellationToken cancellationToken) => Works
            ? ValueTask.FromResult(request.Input)
            : throw new TaskFailedException("Broken", "not yet");
    }

    [Fact]
    public async Task A_failed_execution_redrives_from_the_failed_state_under_the_same_ARN_and_succeeds()
    {
        await using var harness = new DurableHarness();
        var flaky = new Flaky();
        harness.Engine.RegisterLambda("flaky", flaky.InvokeAsync);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(FlakyMachine);
        var failed = await harness.RunAsync(machine);
        Assert.Equal(ExecutionStatuses.Failed, failed.Status);
        Assert.Equal(ExecutionRedriveStatuses.Redrivable, failed.RedriveStatus);
        Assert.Null(failed.RedriveStatusReason);
        Assert.Equal(0, failed.RedriveCount);
        flaky.Works = true;
        harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var redriven = await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn);
        var result = await harness.WaitAsync(failed.ExecutionArn);

        Assert.Equal(1, redriven.RedriveCount);
        Assert.Equal(DurableHarness.Start.AddMinutes(5), redriven.RedriveDate);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(JsonValue.Parse("{\"count\":1}"), JsonValue.Parse(result.Output!));
        Assert.Equal(ExecutionRedriveStatuses.NotRedrivable, result.RedriveStatus);
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven", result.RedriveStatusReason);
        var history = await harness.HistoryAsync(failed.ExecutionArn);
        HistoryAssert.IsWellFormed(history);
        var types = HistoryAssert.Types(history);
        Assert.Single(types, t => t == "PassStateEntered");
        int redrivenAt = types.IndexOf("ExecutionRedriven");
        Assert.Equal(types.IndexOf("ExecutionFailed") + 1, redrivenAt);
        Assert.Equal("{\"redriveCount\":1}", history[redrivenAt]["executionRedrivenEventDetails"]!.ToJsonString());
        Assert.Equal("TaskStateEntered", types[redrivenAt + 1]);
        Assert.Equal("ExecutionSucceeded", types[^1]);
        Assert.Empty(harness.Errors);
    }

    [Fact]
    public async Task A_redrive_repeated_with_the_same_client_token_redrives_once()
    {
        await using var harness = new DurableHarness();
        harness.Engine.RegisterLambda("flaky", new Flaky().InvokeAsync);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(FlakyMachine);
        var failed = await harness.RunAsync(machine);
        await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn, "token-1");
        await harness.WaitAsync(failed.ExecutionArn);

        var again = await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn, "token-1");
        var other = await harness.Engine.RedriveExecutionAsync(failed.ExecutionArn, "token-2");

        Assert.Equal(1, again.RedriveCount);
        Assert.Equal(2, other.RedriveCount);
    }

    [Fact]
    public async Task Redrive_refuses_running_succeeded_unknown_and_expired_executions_with_AWS_s_reasons()
    {
        await using var harness = new DurableHarness();
        harness.Engine.RegisterLambda("flaky", new Flaky().InvokeAsync);
        await harness.Engine.StartAsync();
        string waiting = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,'End':true}}}", "waiting");
        string passing = await harness.CreateAsync("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}", "passing");
        string flaky = await harness.CreateAsync(FlakyMachine, "flaky");
        var running = await harness.Engine.StartExecutionAsync(waiting, JsonValue.Parse("{}"));
        var succeeded = await harness.RunAsync(passing);
        var failed = await harness.RunAsync(flaky);

        var whileRunning = await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() => harness.Engine.RedriveExecutionAsync(running.ExecutionArn));
        var describedRunning = await harness.Engine.DescribeExecutionAsync(running.ExecutionArn);
        var afterSuccess = await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() => harness.Engine.RedriveExecutionAsync(succeeded.ExecutionArn));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => harness.Engine.RedriveExecutionAsync(running.ExecutionArn + "-missing"));
        harness.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        var expired = await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() => harness.Engine.RedriveExecutionAsync(failed.ExecutionArn));
        var described = await harness.Engine.DescribeExecutionAsync(failed.ExecutionArn);

        Assert.Equal("Execution is RUNNING and cannot be redriven", whileRunning.Message);
        Assert.Equal(ExecutionRedriveStatuses.RunningReason, describedRunning!.RedriveStatusReason);
        Assert.Equal("Execution is SUCCEEDED and cannot be redriven", afterSuccess.Message);
        Assert.Equal("Execution redrivable period exceeded", expired.Message);
        Assert.Equal(ExecutionRedriveStatuses.NotRedrivable, described!.RedriveStatus);
        Assert.Equal(ExecutionRedriveStatuses.PeriodExceededReason, described.RedriveStatusReason);
    }

    [Fact]
    public async Task An_execution_ended_by_the_history_limit_is_not_redrivable()
    {
        await using var harness = new DurableHarness();
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'Loop','States':{'Loop':{'Type':'Choice','Choices':[{'Variable':'$.stop','BooleanEquals':true,'Next':'Done'}],'Default':'Loop'},'Done':{'Type':'Succeed'}}}");

        var failed = await harness.RunAsync(machine, "{\"stop\":false}");

        Assert.Equal(ExecutionStatuses.Failed, failed.Status);
        Assert.Equal("States.Runtime", failed.Error);
        Assert.Equal(25_000, failed.LastEventId);
        Assert.Equal(ExecutionRedriveStatuses.NotRedrivable, failed.RedriveStatus);
        Assert.Equal("Execution history event limit exceeded", failed.RedriveStatusReason);
        var refused = await Assert.ThrowsAsync<ExecutionNotRedrivableException>(() => harness.Engine.RedriveExecutionAsync(failed.ExecutionArn));
        Assert.Equal("Execution history event limit exceeded", refused.Message);
    }

    [Fact]
    public async Task A_stopped_execution_on_SQLite_redrives_its_Wait_and_finishes_after_it()
    {
        string folder = Path.Combine(Path.GetTempPath(), "stepwise-lifecycle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var harness = new DurableHarness(new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "db.sqlite") }));
            await harness.Engine.StartAsync();
            string machine = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'Next':'P'},'P':{'Type':'Pass','End':true}}}");
            var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{\"x\":1}"));
            var stopped = await harness.Engine.StopExecutionAsync(started.ExecutionArn);
            Assert.Equal(ExecutionRedriveStatuses.Redrivable, stopped.RedriveStatus);

            var redriven = await harness.Engine.RedriveExecutionAsync(started.ExecutionArn);
            Assert.Equal(ExecutionStatuses.Running, redriven.Status);
            Assert.Null(redriven.StopDate);
            await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(120));
            var result = await harness.WaitAsync(started.ExecutionArn);

            Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
            Assert.Equal(1, result.RedriveCount);
            Assert.Equal(JsonValue.Parse("{\"x\":1}"), JsonValue.Parse(result.Output!));
            var types = HistoryAssert.Types(await harness.HistoryAsync(started.ExecutionArn));
            Assert.Equal(["ExecutionStarted", "WaitStateEntered", "ExecutionAborted", "ExecutionRedriven", "WaitStateEntered", "WaitStateExited",
                "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], types);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
