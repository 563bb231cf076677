using System.Globalization;
using Stepwise.Hosting.CrashHost;
using Stepwise.Hosting.Durable;
using Stepwise.Storage.Sqlite;

// crash-host <database> <executions to start, 0 to only resume>
// Prints "ready" once its executions are started and it is dispatching, then runs until killed.
string path = args[0];
int count = int.Parse(args[1], CultureInfo.InvariantCulture);
await using var store = new SqliteStore(new SqliteStoreOptions { Path = path });
await using var engine = new DurableEngine(store, new DurableEngineOptions
{
    LeaseDuration = TimeSpan.FromSeconds(2),
    PollInterval = TimeSpan.FromMilliseconds(200),
    MaxConcurrency = 8,
});
engine.OnError = e => Console.Error.WriteLine($"error: {e}");
CrashWorkload.Register(engine.RegisterLambda);
await engine.StartAsync();
if (count > 0)
{
    var machine = await engine.CreateStateMachineAsync(CrashWorkload.Name, CrashWorkload.Definition);
    for (int i = 0; i < count; i++)
    {
        await engine.StartExecutionAsync(machine.StateMachineArn, CrashWorkload.Input(i), $"e-{i}");
    }
}

Console.WriteLine("ready");
await Task.Delay(Timeout.Infinite);
