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

    [Fact]
    public async Task Payloads_that_change_next_to_a_surrogate_pair_read_back_from_SQLite_as_the_in_memory_store_writes_them()
    {
        // Each Task changes one half of a surrogate pair in a long text (the low half, then the high half), so the
        // change each stored payload keeps against the one before has to widen to the whole pair.
        var input = JsonObject.Create(("text", new string('x', 300) + "\U0001F600" + new string('y', 300) + " \"q\" ☃"));
        string folder = Path.Combine(Path.GetTempPath(), "stepwise-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var expected = await RunAsync(new InMemoryStore(), input, Chain("low", "high"));
            var actual = await RunAsync(new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "changed.sqlite") }), input, Chain("low", "high"));
            // The same run with payloads that differ all along.
            _ = await RunAsync(new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "unrelated.sqlite") }), input, Chain("upper", "lower"));

            Assert.Contains(expected, e => e.Json.Contains("\U0001F601", StringComparison.Ordinal));
            Assert.Contains(expected, e => e.Json.Contains("\U0001FA01", StringComparison.Ordinal));
            Assert.Equal(expected.Select(e => e.Json), actual.Select(e => e.Json));
            Assert.Equal(expected, actual);
            // The two later payloads are stored as their changes, not whole.
            Assert.True(StoredSize(Path.Combine(folder, "changed.sqlite")) + input.ToJsonString().Length < StoredSize(Path.Combine(folder, "unrelated.sqlite")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_run_of_Parallel_branches_and_a_long_Map_reads_back_from_SQLite_as_the_in_memory_store_writes_it()
    {
        // Events of one type many times over (ids past 9, 99 and 999 change the length of what is stored as a change from
        // the event before of its type), states whose names differ in length and script, and an execution that fails.
        const string definition = """
            {'StartAt':'Fan','States':{
              'Fan':{'Type':'Parallel','ResultPath':'$.fan','Next':'Each','Branches':[
                {'StartAt':'Ä','States':{'Ä':{'Type':'Pass','Result':{'ü':'𝄞 \"q\" \\ ☃'},'End':true}}},
                {'StartAt':'Echo it','States':{'Echo it':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'echo','Payload.$':'$'},'OutputPath':'$.Payload','End':true}}}]},
              'Each':{'Type':'Map','ItemsPath':'$.items','ResultPath':'$.each','Next':'Wrong',
                      'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','Next':'Quite a long name 𝄞'},'Quite a long name 𝄞':{'Type':'Pass','End':true}}}},
              'Wrong':{'Type':'Fail','Error':'Bad.Ünïcode','Cause':'a \"cause\" ☃ 𝄞'}}}
            """;
        var items = new JsonValue[260];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = JsonObject.Create(("i", (long)i), ("s", new string('é', i % 7)));
        }

        var input = JsonObject.Create(("text", "Zoë \"q\" 𝄞"), ("items", JsonArray.Create(items)));
        string folder = Path.Combine(Path.GetTempPath(), "stepwise-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var expected = await RunAsync(new InMemoryStore(), input, definition, ExecutionStatuses.Failed);
            var actual = await RunAsync(new SqliteStore(new SqliteStoreOptions { Path = Path.Combine(folder, "db.sqlite") }), input, definition, ExecutionStatuses.Failed);

            Assert.Contains(expected, e => e.Type == "ParallelStateSucceeded");
            Assert.Contains(expected, e => e.Type == "ExecutionFailed");
            Assert.True(expected[^1].Id > 1000);
            Assert.Equal(expected.Select(e => e.Json), actual.Select(e => e.Json));
            Assert.Equal(expected, actual);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Chain(string first, string second) => """
        {'StartAt':'First','States':{
          'First':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:FIRST','Next':'Second'},
          'Second':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:SECOND','End':true}}}
        """.Replace("FIRST", first, StringComparison.Ordinal).Replace("SECOND", second, StringComparison.Ordinal);

    private static async Task<List<StoredEvent>> RunAsync(IStepwiseStore store, JsonValue input, string definition = Definition,
        string status = ExecutionStatuses.Succeeded)
    {
        await using var harness = new DurableHarness(store);
        harness.Engine.RegisterLambda("low", static (request, _) => ValueTask.FromResult(Replace(request.Input, "\U0001F600", "\U0001F601")));
        harness.Engine.RegisterLambda("high", static (request, _) => ValueTask.FromResult(Replace(request.Input, "\U0001F601", "\U0001FA01")));
        harness.Engine.RegisterLambda("upper", static (request, _) => ValueTask.FromResult(Replace(Replace(request.Input, "x", "X"), "y", "Y")));
        harness.Engine.RegisterLambda("lower", static (request, _) => ValueTask.FromResult(Replace(Replace(request.Input, "X", "x"), "Y", "y")));
        harness.Engine.RegisterLambda("echo", static (request, _) => ValueTask.FromResult(request.Input));
        harness.Engine.RegisterLambda("fail", static (_, _) => throw new InvalidOperationException("no \"way\" ☃"));
        await harness.Engine.StartAsync();
        string machine = await harness.CreateAsync(definition);
        var started = await harness.Engine.StartExecutionAsync(machine, input, name: "run");
        var result = await harness.WaitAsync(started.ExecutionArn);
        Assert.Equal(status, result.Status);
        if (status == ExecutionStatuses.Succeeded)
        {
            Assert.Null(result.Cause);
        }

        var page = await store.Executions.GetHistoryAsync(started.ExecutionArn, false, PageRequest.First(5000));
        return [.. page.Items];
    }

    private static long StoredSize(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sum(size) FROM history_steps";
        return (long)command.ExecuteScalar()!;
    }

    private static JsonValue Replace(JsonValue input, string from, string to)
    {
        var payload = input.AsObject();
        return payload.With("text", payload["text"]!.AsString().Replace(from, to, StringComparison.Ordinal));
    }
}
