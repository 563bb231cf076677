using System.Globalization;
using Stepwise.Storage.Activities;
using Stepwise.Storage.Executions;
using Stepwise.Storage.MapRuns;
using Stepwise.Storage.StateMachines;
using Stepwise.Storage.TaskTokens;
using Stepwise.Storage.Timers;
using Stepwise.Storage.Work;

namespace Stepwise.Storage.Tests.Contract;

/// <summary>Builders for the records the contract suite stores.</summary>
internal static class StoreFixtures
{
    public const string Account = "arn:aws:states:us-east-1:123456789012";

    public static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_763_700_000_000);

    /// <summary>How long a worker's claim on an activity task holds in the contract suite.</summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromSeconds(30);

    public static DateTimeOffset At(double seconds) => T0.AddMilliseconds(Math.Round(seconds * 1000));

    public static string MachineArn(string name) => $"{Account}:stateMachine:{name}";

    public static string ExecutionArn(string machine, string name) => $"{Account}:execution:{machine}:{name}";

    public static StateMachineRecord Machine(string name, string revision = "r1") => new()
    {
        StateMachineArn = MachineArn(name),
        Name = name,
        Type = StateMachineTypes.Standard,
        Definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Comment":""" + "\"" + revision + "\"" + ""","End":true}}}""",
        RoleArn = "arn:aws:iam::123456789012:role/stepwise",
        CreationDate = T0,
        RevisionId = revision,
        Description = "machine " + name,
    };

    public static ExecutionRecord Execution(string machine, string name, DateTimeOffset? start = null, string? versionArn = null) => new()
    {
        ExecutionArn = ExecutionArn(machine, name),
        StateMachineArn = MachineArn(machine),
        StateMachineVersionArn = versionArn,
        Name = name,
        Status = ExecutionStatuses.Running,
        StartDate = start ?? T0,
        Input = """{"n":1}""",
    };

    public static StoredEvent Event(long id, string type = "PassStateEntered") =>
        new(id, type, At(id), $$"""{"id":{{id.ToString(CultureInfo.InvariantCulture)}},"type":"{{type}}"}""");

    public static StoredEvent[] Events(long firstId, int count)
    {
        var events = new StoredEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = Event(firstId + i, i == 0 && firstId == 1 ? "ExecutionStarted" : "PassStateEntered");
        }

        return events;
    }

    public static StepCommit FirstStep(ExecutionRecord execution, int events = 2) => new()
    {
        ExecutionArn = execution.ExecutionArn,
        ExpectedLastEventId = 0,
        Events = Events(1, events),
        Snapshot = "snapshot-1",
    };

    public static WorkItem Item(string key, DateTimeOffset? availableAt = null, string? executionArn = null) =>
        new(key, "InvokeTask", executionArn, $$"""{"key":"{{key}}"}""", availableAt ?? T0);

    public static DurableTimer Timer(string executionArn, long id, DateTimeOffset due) => new(executionArn, id, due, "timer-" + id);

    public static TaskTokenEntry Token(string executionArn, string token, long taskId = 1) => new(token, executionArn, taskId, "Wait for callback", T0);

    public static ActivityRecord Activity(string name) => new($"{Account}:activity:{name}", name, T0);

    public static ActivityTask ActivityTask(string activityArn, string token, string executionArn) =>
        new(activityArn, token, $$"""{"token":"{{token}}"}""", executionArn, T0);

    public static string MapRunArn(string machine, string id) => $"{Account}:mapRun:{machine}/Map:{id}";

    public static MapRunRecord MapRun(string machine, string execution, string id, DateTimeOffset? start = null) => new()
    {
        MapRunArn = MapRunArn(machine, id),
        ExecutionArn = ExecutionArn(machine, execution),
        StateMachineArn = MachineArn(machine),
        Status = "RUNNING",
        StartDate = start ?? T0,
        MaxConcurrency = 10,
        ToleratedFailureCount = -1,
        ToleratedFailurePercentage = -1,
        ItemCounts = new MapRunCounts(3, 0, 0, 0, 0, 0, 3, 0),
        ExecutionCounts = new MapRunCounts(0, 0, 0, 0, 0, 0, 0, 0),
    };

    public static MapRunChildResult Result(long index, string status) => new(index, status, $"{Account}:execution:m/Map:child-{index}",
        status == "SUCCEEDED" ? $$"""{"i":{{index.ToString(CultureInfo.InvariantCulture)}}}""" : null,
        status == "FAILED" ? "States.TaskFailed" : null, status == "FAILED" ? "cause " + index.ToString(CultureInfo.InvariantCulture) : null);
}
