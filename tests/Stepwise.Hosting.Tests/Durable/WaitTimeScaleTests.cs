using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>WAIT_TIME_SCALE in the durable engine: Wait states' timers are scaled, retry and timeout timers are not.</summary>
public sealed class WaitTimeScaleTests
{
    private static DurableHarness Harness(double scale) =>
        new(configure: options => options.Integrations = new IntegrationsConfiguration { WaitTimeScale = scale });

    [Fact]
    public async Task A_wait_state_s_timer_comes_due_after_its_scaled_time_and_the_history_says_so()
    {
        await using var harness = Harness(0.5);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}");

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        var timer = Assert.Single(await harness.Store.Timers.ListAsync(started.ExecutionArn));
        await harness.AdvanceUntilAsync(() => harness.IsFinishedAsync(started.ExecutionArn), TimeSpan.FromSeconds(30));
        var result = await harness.WaitAsync(started.ExecutionArn);

        Assert.Equal(DurableHarness.Start.AddSeconds(5), timer.DueTime);
        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(DurableHarness.Start.AddSeconds(5), result.StopDate);
    }

    [Fact]
    public async Task A_scale_of_zero_skips_the_wait_without_moving_the_clock()
    {
        await using var harness = Harness(0);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'End':true}}}");

        var result = await harness.RunAsync(machine);

        Assert.Equal(ExecutionStatuses.Succeeded, result.Status);
        Assert.Equal(DurableHarness.Start, result.StopDate);
    }

    [Fact]
    public async Task Execution_timeouts_are_not_scaled()
    {
        await using var harness = Harness(0.1);
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync("{'TimeoutSeconds':5,'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100,'End':true}}}");

        var started = await harness.Engine.StartExecutionAsync(machine, JsonValue.Parse("{}"));
        var timers = await harness.Store.Timers.ListAsync(started.ExecutionArn);

        Assert.Equal([DurableHarness.Start.AddSeconds(5), DurableHarness.Start.AddSeconds(10)], timers.Select(t => t.DueTime).Order());
    }
}
