using Stepwise.Hosting;
using Stepwise.Integrations.Configuration;
using Stepwise.Runtime.Tests.TestSupport;

namespace Stepwise.Runtime.Tests.States;

/// <summary>A distributed Map's ItemReader on the in-memory engine, reading files under the operator's local root.</summary>
public sealed class ItemReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("stepwise-items-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<ExecutionResult> RunAsync(string definition, string input)
    {
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions
        {
            FastTime = true,
            RandomSeed = 42,
            Time = new FixedTimeProvider(Asl.Start),
            Integrations = new IntegrationsConfiguration { S3LocalRoot = _root },
        });
        return await engine.RunAsync(Asl.Json(definition), Asl.Json(input), new RunOptions { ExecutionName = "exec" });
    }

    private void WriteObject(string bucket, string key, string text)
    {
        Directory.CreateDirectory(Path.Combine(_root, bucket));
        File.WriteAllText(Path.Combine(_root, bucket, key), text);
    }

    private const string JsonReaderMachine = """
        {'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'$.ignored','End':true,
          'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON','MaxItemsPath':'$.max'},
                        'Parameters':{'Bucket.$':'$.bucket','Key':'items.json'}},
          'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
        """;

    [Fact]
    public async Task The_items_come_from_the_object_the_reader_names_after_MapRunStarted_and_ItemsPath_is_ignored()
    {
        WriteObject("b", "items.json", """[{"n":1},{"n":2},{"n":3}]""");

        var result = await RunAsync(JsonReaderMachine, "{'bucket':'b','max':2}");

        Assert.Equal("""[{"n":1},{"n":2}]""", Engines.OutputText(result));
        Assert.Equal("ExecutionStarted MapStateEntered MapStateStarted MapRunStarted MapRunSucceeded MapStateSucceeded MapStateExited ExecutionSucceeded",
            Asl.Types(result.History));
        // Before the read, the Map does not know how many items it has.
        Assert.Equal("0", result.History[2].Details!["length"]!.ToJsonString());
    }

    [Fact]
    public async Task A_missing_object_fails_the_run_and_the_state_with_States_ItemReaderFailed()
    {
        WriteObject("b", "other.json", "[]");

        var result = await RunAsync(JsonReaderMachine, "{'bucket':'b','max':2}");

        Assert.Equal("States.ItemReaderFailed", result.Error);
        Assert.Equal("ExecutionStarted MapStateEntered MapStateStarted MapRunStarted MapRunFailed MapStateFailed ExecutionFailed", Asl.Types(result.History));
        Assert.Equal(result.History[3].Id, result.History[4].PreviousEventId);
    }

    [Fact]
    public async Task A_JSONata_reader_evaluates_its_Arguments_and_the_items_are_batched()
    {
        WriteObject("b", "rows.csv", "a,b\n1,2\n3,4\n5,6\n");

        var result = await RunAsync("""
            {'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map','End':true,
              'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW'},
                            'Arguments':{'Bucket':'{% $states.input.bucket %}','Key':'rows.csv'}},
              'ItemBatcher':{'MaxItemsPerBatch':2},
              'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}}}
            """, "{'bucket':'b'}");

        Assert.Equal("""[{"Items":[{"a":"1","b":"2"},{"a":"3","b":"4"}]},{"Items":[{"a":"5","b":"6"}]}]""", Engines.OutputText(result));
    }

    [Fact]
    public async Task Without_a_local_root_or_an_s3_endpoint_the_reader_fails_saying_what_to_configure()
    {
        var result = await Engines.RunAsync(JsonReaderMachine, "{'bucket':'b','max':2}");

        Assert.Equal("States.ItemReaderFailed", result.Error);
        Assert.False(string.IsNullOrEmpty(result.Cause));
    }
}
