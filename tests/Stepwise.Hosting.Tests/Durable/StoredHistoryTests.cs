using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Storage;
using Stepwise.Storage.Executions;
using Stepwise.Storage.InMemory;
using Stepwise.Storage.Paging;
using Stepwise.Storage.Sqlite;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>
/// The SQLite store writes a step's events as UTF-8 straight from the decided events, each payload once; the in-memory
/// store writes each event's text as a string. Both must read back the same text, byte for byte.
/// </summary>
public sealed class StoredHistoryTests
{
    // Tasks whose input and result repeat across events, a caught failure, a Map, and payloads with escapes,
    // non-ASCII text and numbers of every form.
    private const string Definition = """
        {'StartAt':'Prepare','States':{
          'Prepare':{'Type':'Pass','Parameters':{'text.$':'$.text','items':[1,2],'d':1.5e3,'n':-7,'big':123456789012345678901234567890},'Next':'Echo'},
          'Echo':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'echo','Payload.$':'$'},'ResultSelector':{'p.$':'$.Payload'},'Next':'Fail'},
          'Fail':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'fail','Payload.$':'$'},
                  'Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Each'}],'End':true},
          'Each':{'Type':'Map','MaxConcurrency':1,'ItemsPath':'$.p.items','ItemSelector':{'i.$':'$$.Map.Item.Value','text.$':'$.p.text'},'Next':'Done',
                  'ItemProcessor':{'StartAt':'E','States':{'E':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'echo','Payload.$':'$'},'OutputPath':'$.Payload','End':true}}}},
          'Done':{'Type':'Pass','End':true}}}
        """;

    [Fact]
    public async Task A_history_stored_in_SQLite_reads_back_as_the_in_memory_store_writes_it()
    {
        string text = "Zoë ☃ 𝄞 \"quoted\" back\\slash\nline\ttab \u0001 " + new string('x', 400);
        var input = JsonObject.Create(("text", text));
        string folder = Path.Combine(Path.GetTempPath(), "stepwise-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var expected = await RunAsync(new InMemoryStore(), input);
            var actual = await RunAsync(new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "db.sqlite") }), input);

            Assert.Contains(expected, e => e.Type == "TaskFailed");
            Assert.Contains(expected, e => e.Type == "MapIterationSucceeded");
            Assert.Equal(expected.Select(e => e.Json), actual.Select(e => e.Json));
            Assert.Equal(expected, actual);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<StoredEvent>> RunAsync(IStepwiseStore store, JsonValue input)
    {
        await using var harness = new DurableHarness(store);
        harness.Engine.RegisterLambda("echo", static (request, _) => ValueTask.FromResult(request.Input));
        harness.Engine.RegisterLambda("fail", static (_, _) => throw new InvalidOperationException("no \"way\" ☃"));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(Definition);
        var started = await harness.Engine.StartExecutionAsync(machine, input, name: "run");
        var result = await harness.WaitAsync(started.ExecutionArn);
        Assert.Equal((ExecutionStatuses.Succeeded, null), (result.Status, result.Cause));
        var page = await store.Executions.GetHistoryAsync(started.ExecutionArn, false, PageRequest.First(1000));
        return [.. page.Items];
    }
}
