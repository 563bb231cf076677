using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Variables;

public sealed class SnapshotTests
{
    private const string Definition = """
        {'StartAt':'A','States':{
          'A':{'Type':'Pass','Assign':{'n':1},'Next':'T'},
          'T':{'Type':'Task','Resource':'arn:aws:states:::x:y','Assign':{'n.$':'$.value'},'Next':'E'},
          'E':{'Type':'Pass','Parameters':{'n.$':'$n'},'End':true}}}
        """;

    [Fact]
    public void A_decision_that_assigns_leaves_the_variables_of_the_given_snapshot_unchanged()
    {
        var machine = Asl.Machine(Definition);
        var driver = new Driver(machine);
        driver.Start(Asl.Json("{}"));
        var waiting = driver.Snapshot!;
        var frameBefore = waiting.Frames[1];
        var scopeBefore = frameBefore.Variables;

        var first = Interpreter.Decide(machine, waiting, new TaskSucceededStimulus(driver.LastInvoke().TaskId, Asl.Json("{'value':2}")), driver.Now, new Random(1));
        var second = Interpreter.Decide(machine, waiting, new TaskSucceededStimulus(driver.LastInvoke().TaskId, Asl.Json("{'value':3}")), driver.Now, new Random(1));

        Assert.Same(scopeBefore, waiting.Frames[1].Variables);
        Assert.True(scopeBefore.TryGetVariable("n", out var n));
        Assert.Equal("1", n.ToJsonString());
        Assert.Equal("""{"n":2}""", first.Snapshot.Output!.ToJsonString());
        Assert.Equal("""{"n":3}""", second.Snapshot.Output!.ToJsonString());
    }
}
