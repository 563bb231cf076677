using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Replay;

public sealed class ReplayTests
{
    private const string Definition = """
        {'StartAt':'T','States':{
          'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','Retry':[{'ErrorEquals':['E'],'JitterStrategy':'FULL','IntervalSeconds':30}],'Next':'Par'},
          'Par':{'Type':'Parallel','Next':'M','Branches':[
            {'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':5,'End':true}}},
            {'StartAt':'P','States':{'P':{'Type':'Pass','Result':'p','End':true}}}]},
          'M':{'Type':'Map','ItemsPath':'$[0]','ItemSelector':{'id.$':'States.UUID()'},'End':true,
               'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
        """;

    [Fact]
    public void Replaying_a_history_s_stimuli_reproduces_every_decision()
    {
        var machine = Asl.Machine(Definition);
        var original = new Driver(machine, seed: 3);
        original.Start(Asl.Json("[[1,2]]"));
        original.Fail("E", "first");
        original.FireLastTimer();
        original.Succeed(Asl.Json("[[1,2]]"));
        original.FireLastTimer();
        Assert.True(original.Snapshot!.IsFinished);

        var replay = new Driver(machine, seed: 3);
        foreach (var (stimulus, now) in original.Stimuli)
        {
            replay.Now = now;
            replay.Apply(stimulus);
        }

        Assert.Equal(original.History.Count, replay.History.Count);
        for (int i = 0; i < original.History.Count; i++)
        {
            Assert.Equal(original.History[i].ToAwsJson(), replay.History[i].ToAwsJson());
        }

        Assert.Equal(original.Commands, replay.Commands);
        Assert.Equal(original.Snapshot.Output, replay.Snapshot!.Output);
    }

    [Fact]
    public void Decide_never_modifies_the_snapshot_it_is_given()
    {
        var machine = Asl.Machine(Definition);
        var driver = new Driver(machine);
        driver.Start(Asl.Json("[[1]]"));
        var before = driver.Snapshot!;
        long nextEventId = before.NextEventId;

        var decision = Interpreter.Decide(machine, before, new TaskFailedStimulus(driver.LastInvoke().TaskId, "E", null), driver.Now, new Random(1));

        Assert.Equal(nextEventId, before.NextEventId);
        Assert.NotSame(before, decision.Snapshot);
        Assert.True(decision.Snapshot.NextEventId > nextEventId);
    }

    [Fact]
    public void Deciding_a_batch_of_stimuli_gives_the_events_and_commands_of_deciding_them_one_by_one()
    {
        var machine = Asl.Machine("""
            {'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'End':true,
              'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','End':true}}}}}}
            """);
        var driver = new Driver(machine);
        driver.Start(Asl.Json("[1,2,3]"));
        var snapshot = driver.Snapshot!;
        var tasks = driver.Commands.OfType<InvokeTaskCommand>().Select(c => c.TaskId).ToArray();
        Stimulus[] stimuli =
        [
            new TaskStartedStimulus(tasks[0]), new TaskStartedStimulus(tasks[1]),
            new TaskSucceededStimulus(tasks[0], Asl.Json("'one'")), new TaskSucceededStimulus(tasks[1], Asl.Json("'two'")),
        ];

        var oneByOne = new List<Decision>();
        var current = snapshot;
        var random = new Random(5);
        foreach (var stimulus in stimuli)
        {
            oneByOne.Add(Interpreter.Decide(machine, current, stimulus, driver.Now, random));
            current = oneByOne[^1].Snapshot;
        }

        var batch = Interpreter.DecideBatch(machine, snapshot, stimuli, driver.Now, new Random(5));

        var events = oneByOne.SelectMany(d => d.Events).ToList();
        Assert.Equal(events.Select(e => e.ToAwsJson()), batch.Events.Select(e => e.ToAwsJson()));
        Assert.Equal(oneByOne.SelectMany(d => d.Commands), batch.Commands);
        Assert.Equal(current.NextEventId, batch.Snapshot.NextEventId);
        Assert.Contains("MapIterationStarted", Asl.Types(batch.Events), StringComparison.Ordinal);
    }

    [Fact]
    public void Deciding_twice_from_the_same_snapshot_gives_the_same_decision()
    {
        var machine = Asl.Machine("""
            {'StartAt':'M','States':{'M':{'Type':'Map','MaxConcurrency':2,'End':true,
              'ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','End':true}}}}}}
            """);
        var driver = new Driver(machine);
        driver.Start(Asl.Json("[1,2,3]"));
        var snapshot = driver.Snapshot!;
        var stimulus = new TaskSucceededStimulus(driver.Commands.OfType<InvokeTaskCommand>().First().TaskId, Asl.Json("'one'"));

        var first = Interpreter.Decide(machine, snapshot, stimulus, driver.Now, new Random(5));
        var second = Interpreter.Decide(machine, snapshot, stimulus, driver.Now, new Random(5));

        Assert.Equal(Asl.Types(first.Events), Asl.Types(second.Events));
        Assert.Equal(Asl.Links(first.Events), Asl.Links(second.Events));
        Assert.Equal(first.Commands, second.Commands);
        Assert.Contains("MapIterationStarted", Asl.Types(first.Events), StringComparison.Ordinal);
    }
}
