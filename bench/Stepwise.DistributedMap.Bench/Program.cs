using System.Globalization;
using Stepwise.DistributedMap.Bench;

// bench/run distributed-map: the parent writes the JSONL inputs, runs the peer's inline map-fanout, then each
// (mode, item count) in a fresh child process so that its peak RSS (VmHWM) is its own, and prints the figures.
//   parent: --root DIR --peers DIR [--items N,N] [--modes engine,reader,writer] [--skip-peer]
//   child:  --child MODE N --root DIR
var options = Options.Parse(args);
if (options.Child is { } mode)
{
    await Child.RunAsync(mode, options.Items[0], options.Root);
    return 0;
}

foreach (long items in options.Items)
{
    Input.Ensure(options.Root, items);
}

double peer = options.SkipPeer ? double.NaN : Peer.ItemsPerSecond(options.Peers);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peer inline map-fanout (aws-local-stepfunctions): {peer:N0} items/s"));
Console.WriteLine($"{"mode",-8} {"items",10} {"seconds",8} {"items/s",10} {"peak RSS MB",12} {"ratio to peer",14}");
int failures = 0;
foreach (string m in options.Modes)
{
    foreach (long items in options.Items)
    {
        var result = Child.Spawn(m, items, options.Root);
        if (result is null)
        {
            Console.WriteLine($"{m,-8} {items,10} ERROR");
            failures++;
            continue;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{m,-8} {items,10} {result.Value.Seconds,8:N2} {result.Value.ItemsPerSecond,10:N0} {result.Value.PeakRssMb,12:N1} {result.Value.ItemsPerSecond / peer,14:N2}"));
    }
}

return failures == 0 ? 0 : 1;
