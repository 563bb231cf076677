using Stepwise.Definition.Model;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.Model;

public sealed class StateMachineReaderTests
{
    [Fact]
    public void Every_state_type_is_read_into_its_own_class()
    {
        var machine = Asl.Machine("""
            {'StartAt':'P','TimeoutSeconds':30,'States':{
              'P':{'Type':'Pass','Next':'T'},
              'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','TimeoutSeconds':5,'HeartbeatSeconds':2,
                   'Retry':[{'ErrorEquals':['States.ALL'],'IntervalSeconds':3,'MaxAttempts':0,'BackoffRate':1.5,'MaxDelaySeconds':9,'JitterStrategy':'FULL'}],
                   'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':null,'Next':'F'}],'Next':'C'},
              'C':{'Type':'Choice','Choices':[{'Variable':'$.x','NumericEquals':1,'Next':'W'}],'Default':'S'},
              'W':{'Type':'Wait','SecondsPath':'$.s','Next':'Par'},
              'Par':{'Type':'Parallel','Branches':[{'StartAt':'B','States':{'B':{'Type':'Succeed'}}}],'Next':'M'},
              'M':{'Type':'Map','MaxConcurrency':2,'Iterator':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}},'Next':'S'},
              'S':{'Type':'Succeed'},
              'F':{'Type':'Fail','Error':'E','CausePath':'$.c'}}}
            """);

        Assert.Equal(30, machine.TimeoutSeconds);
        Assert.Equal(StateType.Pass, machine.States["P"].Type);
        var task = Assert.IsType<TaskState>(machine.States["T"]);
        Assert.Equal(5, task.TimeoutSeconds);
        Assert.Equal(2, task.HeartbeatSeconds);
        var retrier = Assert.Single(task.Retry);
        Assert.Equal((3, 0, 1.5, 9, JitterStrategy.Full), (retrier.IntervalSeconds, retrier.MaxAttempts, retrier.BackoffRate, retrier.MaxDelaySeconds!.Value, retrier.JitterStrategy));
        var catcher = Assert.Single(task.Catch);
        Assert.True(catcher.ResultPath.IsNull);
        Assert.Single(Assert.IsType<ChoiceState>(machine.States["C"]).Choices);
        Assert.Equal("$.s", Assert.IsType<WaitState>(machine.States["W"]).SecondsPath!.Text);
        Assert.Single(Assert.IsType<ParallelState>(machine.States["Par"]).Branches);
        var map = Assert.IsType<MapState>(machine.States["M"]);
        Assert.Equal(2, map.MaxConcurrency);
        Assert.Equal("I", map.ItemProcessor.Graph.StartAt);
        Assert.Equal("INLINE", map.ItemProcessor.ProcessorConfig.Mode);
        Assert.Equal("$.c", Assert.IsType<FailState>(machine.States["F"]).CausePath!.Text);
    }

    [Fact]
    public void Retrier_defaults_are_AWS_defaults()
    {
        var machine = Asl.Machine("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':['X']}],'End':true}}}");

        var retrier = Assert.Single(((TaskState)machine.States["T"]).Retry);

        Assert.Equal((1, 3, 2.0, JitterStrategy.None), (retrier.IntervalSeconds, retrier.MaxAttempts, retrier.BackoffRate, retrier.JitterStrategy));
        Assert.Null(retrier.MaxDelaySeconds);
    }

    [Fact]
    public void Nested_graphs_get_stable_indexes_with_the_root_first()
    {
        var machine = Asl.Machine("""
            {'StartAt':'Par','States':{'Par':{'Type':'Parallel','End':true,'Branches':[
              {'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},
              {'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}]}}}
            """);

        Assert.Equal(3, machine.Graphs.Count);
        Assert.Same(machine.Root, machine.Graphs[0]);
        for (int i = 0; i < machine.Graphs.Count; i++)
        {
            Assert.Equal(i, machine.Graphs[i].Index);
        }
    }

    [Fact]
    public void JSONata_fields_are_kept_raw_instead_of_rejected()
    {
        var machine = Asl.Machine("""
            {'QueryLanguage':'JSONata','StartAt':'T','States':{
              'T':{'Type':'Task','Resource':'r','TimeoutSeconds':'{% $t %}','Next':'C'},
              'C':{'Type':'Choice','Choices':[{'Condition':'{% true %}','Next':'M'}]},
              'M':{'Type':'Map','MaxConcurrency':'{% 2 %}','ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'End':true}}}
            """);

        Assert.True(machine.UsesJsonata);
        Assert.Equal("{% $t %}", ((TaskState)machine.States["T"]).TimeoutSecondsExpression!.AsString());
        Assert.Single(((ChoiceState)machine.States["C"]).RawChoices);
        Assert.Equal("{% 2 %}", ((MapState)machine.States["M"]).MaxConcurrencyExpression!.AsString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{'States':{}}")]
    [InlineData("{'StartAt':'X','States':{'A':{'Type':'Pass','End':true}}}")]
    [InlineData("{'StartAt':'A','States':{'A':{'Type':'Teleport','End':true}}}")]
    [InlineData("{'StartAt':'A','States':{'A':{'Type':'Pass','InputPath':'not a path','End':true}}}")]
    [InlineData("{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'r','Retry':[{'ErrorEquals':'X'}],'End':true}}}")]
    [InlineData("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Nowhere'}}}")]
    [InlineData("{'StartAt':'A','States':{'A':{'Type':'Pass'}}}")]
    [InlineData("{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'r','End':true,'Catch':[{'ErrorEquals':['X'],'Next':'Gone'}]}}}")]
    [InlineData("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.a','IsNull':true,'Next':'Gone'}]}}}")]
    public void An_unreadable_definition_throws_FormatException_rather_than_crashing(string definition)
    {
        Assert.Throws<FormatException>(() => Asl.Machine(definition));
    }
}
