using Stepwise.Definition.Model;
using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Runtime.Serialization;

namespace Stepwise.Hosting.Tests.Durable;

public sealed class StepPlanTests
{
    private static readonly DateTimeOffset s_now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // "slow" tasks are left to their work items; "fast" ones answer while the step is decided.
    private const string Definition = """
        {"StartAt":"S0","States":{
          "S0":{"Type":"Task","Resource":"arn:aws:states:::x:slow","Next":"F1"},
          "F1":{"Type":"Task","Resource":"arn:aws:states:::x:fast","Next":"F2"},
          "F2":{"Type":"Task","Resource":"arn:aws:states:::x:fast","Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL"}],"Next":"S3"},
          "S3":{"Type":"Task","Resource":"arn:aws:states:::x:slow","End":true}}}
        """;

    [Fact]
    public void A_step_that_answers_tasks_inline_leaves_the_snapshot_it_started_from_unchanged_and_decides_the_same_again()
    {
        var machine = StateMachine.FromJson(JsonValue.Parse(Definition));
        var header = new ExecutionHeader("arn:aws:states:us-east-1:123456789012:stateMachine:m", "1", Seed: 9, MockTestCase: null);
        var info = new ExecutionInfo("arn:aws:states:us-east-1:123456789012:execution:m:e", "e", header.StateMachineArn, "m",
            "arn:aws:iam::123456789012:role/r", "us-east-1", s_now, JsonValue.Parse("""{"n":1}"""));
        var first = StepPlan.Decide(machine, header, null, new ExecutionStartedStimulus(info), s_now, Interpreter.DefaultMaxPayloadBytes,
            invokeInline: AnswerFast);
        var started = first.Snapshot;
        long slowTask = SingleWork(first);
        string before = SnapshotSerializer.Serialize(started);

        var second = StepPlan.Decide(machine, header, started, new TaskSucceededStimulus(slowTask, JsonValue.Parse("""{"n":2}""")), s_now,
            Interpreter.DefaultMaxPayloadBytes, invokeInline: AnswerFast);
        var again = StepPlan.Decide(machine, header, started, new TaskSucceededStimulus(slowTask, JsonValue.Parse("""{"n":2}""")), s_now,
            Interpreter.DefaultMaxPayloadBytes, invokeInline: AnswerFast);

        Assert.Equal(before, SnapshotSerializer.Serialize(started));
        Assert.Contains(second.Events, e => e.Type == "TaskStateEntered" && e.Json.Contains("\"F2\"", StringComparison.Ordinal));
        Assert.Equal(second.Events.Select(e => e.ToString()), again.Events.Select(e => e.ToString()));
        Assert.Equal(SnapshotSerializer.Serialize(second.Snapshot), SnapshotSerializer.Serialize(again.Snapshot));
        Assert.NotEqual(before, SnapshotSerializer.Serialize(second.Snapshot));
        Assert.Equal(1, second.WorkCount);
    }

    private static Stimulus? AnswerFast(TaskWork work) =>
        work.Command.Resource.EndsWith(":fast", StringComparison.Ordinal) ? new TaskSucceededStimulus(work.Command.TaskId, work.Command.Input) : null;

    /// <summary>The id of the one task the step left to a work item.</summary>
    private static long SingleWork(StepPlan plan)
    {
        Assert.Equal(1, plan.WorkCount);
        Assert.True(plan.Snapshot.IsTaskPending(1));
        return 1;
    }
}
