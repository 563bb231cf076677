using Stepwise.Json;
using Stepwise.Runtime.Serialization;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Serialization;

public sealed class SnapshotSerializerTests
{
    private const string Definition = """
        {'StartAt':'T','States':{
          'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','TimeoutSeconds':100,'HeartbeatSeconds':10,
               'Retry':[{'ErrorEquals':['E'],'JitterStrategy':'FULL','IntervalSeconds':30}],'Next':'Par'},
          'Par':{'Type':'Parallel','Next':'M','Branches':[
            {'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'End':true}}},
            {'StartAt':'P','States':{'P':{'Type':'Pass','Result':null,'End':true}}}]},
          'M':{'Type':'Map','ItemsPath':'$[0]','MaxConcurrency':1,'ItemSelector':{'id.$':'States.UUID()','v.$':'$$.Map.Item.Value'},'End':true,
               'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Wait','Seconds':1,'End':true}}}}}}
        """;

    [Fact]
    public void A_run_that_stores_and_reloads_its_snapshot_after_every_decision_decides_exactly_as_one_that_never_does()
    {
        var machine = Asl.Machine(Definition);
        var original = new Driver(machine, seed: 11);
        original.Start(Asl.Json("[[1,null,2.50]]"));
        original.Fail("E", "first");
        original.FireLastTimer();
        original.Succeed(Asl.Json("[[1,null,2.50]]"));
        while (!original.Snapshot!.IsFinished)
        {
            original.FireLastTimer();
        }

        var random = new Random(11);
        ExecutionSnapshot? snapshot = null;
        var history = new List<HistoryEvent>();
        foreach (var (stimulus, now) in original.Stimuli)
        {
            var reloaded = snapshot is null ? null : SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(snapshot));
            var decision = Interpreter.Decide(machine, reloaded, stimulus, now, random);
            snapshot = decision.Snapshot;
            history.AddRange(decision.Events);
        }

        Assert.Equal(original.History.Count, history.Count);
        for (int i = 0; i < history.Count; i++)
        {
            Assert.Equal(original.History[i].ToAwsJson(), history[i].ToAwsJson());
        }

        Assert.Equal(original.Snapshot.Output!.ToJsonString(), snapshot!.Output!.ToJsonString());
    }

    [Fact]
    public void Serializing_a_reloaded_snapshot_gives_the_same_document()
    {
        var machine = Asl.Machine(Definition);
        var driver = new Driver(machine);
        driver.Start(Asl.Json("[[1,2,3]]"));
        driver.Succeed(Asl.Json("[[1,2,3]]"));

        string first = SnapshotSerializer.Serialize(driver.Snapshot!);
        string second = SnapshotSerializer.Serialize(SnapshotSerializer.Deserialize(first));

        Assert.Equal(first, second);
        Assert.Contains("\"fanOut\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_null_output_reads_back_as_json_null_not_as_missing()
    {
        var machine = Asl.Machine("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':null,'End':true}}}");
        var driver = new Driver(machine);
        driver.Start(Asl.Json("{}"));

        var reloaded = SnapshotSerializer.Deserialize(SnapshotSerializer.Serialize(driver.Snapshot!));

        Assert.True(reloaded.IsFinished);
        Assert.NotNull(reloaded.Output);
        Assert.True(reloaded.Output.IsNull);
        Assert.Equal(driver.Snapshot!.Outcome, reloaded.Outcome);
    }

    [Fact]
    public void A_document_of_another_version_is_refused()
    {
        var machine = Asl.Machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        var driver = new Driver(machine);
        driver.Start(Asl.Json("{}"));
        var document = SnapshotSerializer.ToJson(driver.Snapshot!).With("v", SnapshotSerializer.Version + 1);

        Assert.Throws<FormatException>(() => SnapshotSerializer.FromJson(document));
    }

    [Fact]
    public void History_events_read_back_with_their_exact_timestamp_and_details()
    {
        var machine = Asl.Machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        var driver = new Driver(machine) { Now = Asl.Start.AddTicks(12345) };
        driver.Start(Asl.Json("{'a':[1.0,\"x\"]}"));

        foreach (var e in driver.History)
        {
            var reloaded = HistoryEventSerializer.FromJson(JsonValue.Parse(HistoryEventSerializer.ToJson(e).ToJsonString()));
            Assert.Equal(e.Timestamp, reloaded.Timestamp);
            Assert.Equal(e.ToAwsJson(), reloaded.ToAwsJson());
        }
    }

    [Fact]
    public void Execution_info_without_a_redrive_count_stays_without_one()
    {
        var info = Asl.Info(Asl.Json("{}")) with { RedriveCount = null };

        var reloaded = ExecutionInfoSerializer.FromJson(ExecutionInfoSerializer.ToJson(info));

        Assert.Null(reloaded.RedriveCount);
        Assert.Equal(info.ExecutionArn, reloaded.ExecutionArn);
        Assert.Equal(info.StartTime, reloaded.StartTime);
    }
}
