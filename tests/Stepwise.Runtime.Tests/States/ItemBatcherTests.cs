using Stepwise.Hosting;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

public sealed class ItemBatcherTests
{
    private static string Machine(string batcher, string extra = "") => """
        {'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.items','End':true,
        """ + extra + "'ItemBatcher':" + batcher + """
        ,'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
        """;

    [Fact]
    public async Task MaxItemsPerBatch_groups_the_items_in_order_and_each_child_receives_its_batch_as_Items()
    {
        var result = await Engines.RunAsync(Machine("{'MaxItemsPerBatch':2}"), "{'items':[1,2,3,4,5]}");

        Assert.Equal("""[{"Items":[1,2]},{"Items":[3,4]},{"Items":[5]}]""", Engines.OutputText(result));
    }

    [Fact]
    public async Task BatchInput_comes_first_and_ItemSelector_shapes_each_item_before_batching()
    {
        var result = await Engines.RunAsync(
            Machine("{'MaxItemsPerBatchPath':'$.size','BatchInput':{'job.$':'$.job'}}",
                "'ItemSelector':{'i.$':'$$.Map.Item.Index','v.$':'$$.Map.Item.Value'},"),
            "{'items':['a','b','c'],'size':2,'job':'j1'}");

        Assert.Equal("""[{"BatchInput":{"job":"j1"},"Items":[{"i":0,"v":"a"},{"i":1,"v":"b"}]},{"BatchInput":{"job":"j1"},"Items":[{"i":2,"v":"c"}]}]""",
            Engines.OutputText(result));
    }

    [Fact]
    public async Task MaxInputBytesPerBatch_closes_a_batch_before_its_input_would_pass_the_limit()
    {
        // {"Items":[]} is 12 bytes and each "aaaa" 6 more (plus a comma after the first): two fit in 25 bytes, not three (32).
        var result = await Engines.RunAsync(Machine("{'MaxInputBytesPerBatch':30}"), "{'items':['aaaa','aaaa','aaaa']}");

        Assert.Equal("""[{"Items":["aaaa","aaaa"]},{"Items":["aaaa"]}]""", Engines.OutputText(result));
    }

    [Fact]
    public async Task An_item_larger_than_the_byte_limit_travels_alone()
    {
        var result = await Engines.RunAsync(Machine("{'MaxInputBytesPerBatch':15}"), "{'items':['long item','x']}");

        Assert.Equal("""[{"Items":["long item"]},{"Items":["x"]}]""", Engines.OutputText(result));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("'many'")]
    public async Task A_MaxItemsPerBatchPath_that_is_not_a_positive_integer_fails_with_States_Runtime(string size)
    {
        var result = await Engines.RunAsync(Machine("{'MaxItemsPerBatchPath':'$.size'}"), "{'items':[1],'size':" + size + "}");

        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("The MaxItemsPerBatchPath field refers to value", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSONata_ItemBatcher_evaluates_its_limits_and_BatchInput()
    {
        var result = await Engines.RunAsync("""
            {'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map','Items':'{% $states.input.items %}','End':true,
              'ItemBatcher':{'MaxItemsPerBatch':'{% $states.input.size %}','BatchInput':{'n':'{% $count($states.input.items) %}'}},
              'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "{'items':[1,2,3],'size':2}");

        Assert.Equal("""[{"BatchInput":{"n":3},"Items":[1,2]},{"BatchInput":{"n":3},"Items":[3]}]""", Engines.OutputText(result));
    }
}
