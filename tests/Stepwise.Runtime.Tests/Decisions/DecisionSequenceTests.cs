using Stepwise.Runtime.Serialization;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Decisions;

public sealed class DecisionSequenceTests
{
    // Tasks at the root, in Parallel branches and in Map iterations, a retry with full jitter (a draw) and a task token
    // (another draw): every kind of frame a sequence copies once and then changes in place.
    private const string Definition = """
        {'StartAt':'T','States':{
          'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','Next':'Par',
               'Retry':[{'ErrorEquals':['E'],'JitterStrategy':'FULL','IntervalSeconds':3}]},
          'Par':{'Type':'Parallel','Next':'M','Branches':[
            {'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::x:a','End':true}}},
            {'StartAt':'B','States':{'B':{'Type':'Task','Resource':'arn:aws:states:::x:b.waitForTaskToken',
                                          'Parameters':{'t.$':'$$.Task.Token'},'End':true}}}]},
          'M':{'Type':'Map','ItemsPath':'$[0]','MaxConcurrency':2,'End':true,
               'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Task','Resource':'arn:aws:states:::x:i','End':true}}}}}}
        """;

    [Fact]
    public void A_sequence_records_exactly_what_deciding_each_stimulus_on_its_own_records()
    {
        var machine = Asl.Machine(Definition);
        var (stimuli, started) = Run(machine);

        var oneByOne = new List<HistoryEvent>();
        var oneByOneCommands = new List<ExecutionCommand>();
        var random = new Random(5);
        var snapshot = started;
        foreach (var stimulus in stimuli)
        {
            var decision = Interpreter.Decide(machine, snapshot, stimulus, Asl.Start, random);
            snapshot = decision.Snapshot;
            oneByOne.AddRange(decision.Events);
            oneByOneCommands.AddRange(decision.Commands);
        }

        var sequence = DecisionSequence.Start(machine, started, Asl.Start, new Random(5));
        foreach (var stimulus in stimuli)
        {
            sequence.Apply(stimulus);
        }

        Assert.True(snapshot!.IsFinished);
        Assert.Equal(oneByOne.Select(e => e.ToAwsJson().ToJsonString()), sequence.Events.Select(e => e.ToAwsJson().ToJsonString()));
        Assert.Equal(oneByOneCommands.Select(c => c.ToString()), sequence.Commands.Select(c => c.ToString()));
        Assert.Equal(SnapshotSerializer.Serialize(snapshot), SnapshotSerializer.Serialize(sequence.Snapshot!));
    }

    [Fact]
    public void The_snapshot_a_sequence_starts_from_is_unchanged_by_its_decisions()
    {
        var machine = Asl.Machine(Definition);
        var (stimuli, started) = Run(machine);
        string before = SnapshotSerializer.Serialize(started);

        var sequence = DecisionSequence.Start(machine, started, Asl.Start, new Random(5));
        foreach (var stimulus in stimuli)
        {
            sequence.Apply(stimulus);
        }

        Assert.NotSame(started, sequence.Snapshot);
        Assert.Equal(before, SnapshotSerializer.Serialize(started));
        // And the same decisions from it again lead to the same end.
        var again = DecisionSequence.Start(machine, started, Asl.Start, new Random(5));
        foreach (var stimulus in stimuli)
        {
            again.Apply(stimulus);
        }

        Assert.Equal(SnapshotSerializer.Serialize(sequence.Snapshot!), SnapshotSerializer.Serialize(again.Snapshot!));
    }

    [Fact]
    public void A_sequence_without_a_snapshot_starts_with_ExecutionStarted_only_once()
    {
        var machine = Asl.Machine(Definition);
        var sequence = DecisionSequence.Start(machine, null, Asl.Start, new Random(5));
        Assert.Null(sequence.Snapshot);
        Assert.Throws<ArgumentException>(() => sequence.Apply(new TaskStartedStimulus(1)));

        var started = new ExecutionStartedStimulus(Asl.Info(Asl.Json("[[1,2,3]]")));
        sequence.Apply(started);
        Assert.Equal("ExecutionStarted TaskStateEntered TaskScheduled", Asl.Types(sequence.Events));
        Assert.Throws<ArgumentException>(() => sequence.Apply(started));
    }

    /// <summary>
    /// Runs the execution to its end at one instant, answering every task (the first attempt of T fails, so its retry
    /// timer fires); returns the stimuli after ExecutionStarted and the snapshot ExecutionStarted left.
    /// </summary>
    private static (List<Stimulus> Stimuli, ExecutionSnapshot Started) Run(Stepwise.Definition.Model.StateMachine machine)
    {
        var driver = new Driver(machine, seed: 5);
        var started = driver.Start(Asl.Json("[[1,2,3]]")).Snapshot;
        bool failedOnce = false;
        for (int done = 0; done < driver.Commands.Count; done++)
        {
            switch (driver.Commands[done])
            {
                case InvokeTaskCommand invoke:
                    driver.Apply(new TaskStartedStimulus(invoke.TaskId));
                    driver.Apply(failedOnce
                        ? new TaskSucceededStimulus(invoke.TaskId, Asl.Json("[[1,2,3]]"))
                        : new TaskFailedStimulus(invoke.TaskId, "E", "first"));
                    failedOnce = true;
                    break;
                case StartTimerCommand timer:
                    driver.Apply(new TimerFiredStimulus(timer.TimerId));
                    break;
            }
        }

        return (driver.Stimuli.Skip(1).Select(s => s.Stimulus).ToList(), started);
    }
}
