using Stepwise.Hosting;
using Stepwise.Integrations.Configuration;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Hosting;

/// <summary>
/// WAIT_TIME_SCALE in the in-memory engine (<c>stepwise run</c>): as in Step Functions Local, Wait states take their
/// time times the scale; retry intervals keep theirs. Timestamps follow the scaled clock.
/// </summary>
public sealed class WaitTimeScaleTests
{
    private static async Task<ExecutionResult> RunAsync(string definition, double scale)
    {
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions
        {
            FastTime = true,
            RandomSeed = 42,
            Time = new FixedTimeProvider(Asl.Start),
            Integrations = new IntegrationsConfiguration { WaitTimeScale = scale },
        });
        engine.RegisterTask("arn:aws:states:::flaky", (_, _) => throw new Stepwise.Integrations.TaskFailedException("Flaky", "once"));
        return await engine.RunAsync(Asl.Json(definition), Asl.Json("{}"));
    }

    private static TimeSpan Between(ExecutionResult result, string from, string to) =>
        result.History.First(e => e.Type == to).Timestamp - result.History.First(e => e.Type == from).Timestamp;

    [Theory]
    [InlineData(0.5, 5)]
    [InlineData(0, 0)]
    [InlineData(2, 20)]
    public async Task A_wait_of_ten_seconds_takes_ten_times_the_scale(double scale, int seconds)
    {
        var result = await RunAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':10,'End':true}}}", scale);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(seconds), Between(result, "WaitStateEntered", "WaitStateExited"));
    }

    [Fact]
    public async Task A_timestamp_wait_is_scaled_from_when_the_state_is_entered()
    {
        var result = await RunAsync("{'StartAt':'W','States':{'W':{'Type':'Wait','Timestamp':'2024-05-01T12:01:00Z','End':true}}}", 0.5);

        Assert.Equal(TimeSpan.FromSeconds(30), Between(result, "WaitStateEntered", "WaitStateExited"));
    }

    [Fact]
    public async Task Retry_intervals_are_not_scaled()
    {
        var result = await RunAsync("""
            {'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::flaky',
              'Retry':[{'ErrorEquals':['Flaky'],'IntervalSeconds':4,'MaxAttempts':1}],'End':true}}}
            """, 0);

        var firstFailure = result.History.First(e => e.Type == "TaskFailed").Timestamp;
        var retried = result.History.Where(e => e.Type == "TaskScheduled").Last().Timestamp;
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(4), retried - firstFailure);
    }
}
