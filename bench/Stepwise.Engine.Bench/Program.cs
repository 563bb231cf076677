using System.Globalization;
using Stepwise.Engine.Bench;

// bench/run engine: per workload, the parent runs the peer on it and then each mode in a fresh child process of its
// own, so the peak RSS (VmHWM) is that workload's; it prints one line per workload and mode and the min ratios. The
// peer runs right before the engine on the same workload (as the jsonata bench does), so that the load of a shared
// machine, which changes over a run of several minutes, weighs on both sides of a ratio alike.
//   parent: --workloads DIR --peers DIR [--scale S] [--only a,b] [--skip-peer]
//   child:  --child NAME MODE --workloads DIR --scale S
var options = Options.Parse(args);
if (options.Child is { } child)
{
    await Child.RunAsync(child, options.Mode!, options.Workloads, options.Scale);
    return 0;
}

var ratios = new Dictionary<string, double>(StringComparer.Ordinal) { ["express"] = double.PositiveInfinity, ["standard"] = double.PositiveInfinity };
Console.WriteLine($"{"workload",-18} {"mode",-9} {"transitions/s",14} {"exec/s",10} {"peak RSS MB",12} {"peer trans/s",13} {"ratio",7} {"CPU ms/exec",12} {"commits/exec",13} {"alloc KB/exec",14}");
foreach (var workload in Workload.All)
{
    if (options.Only is { } only && !only.Contains(workload.Name))
    {
        continue;
    }

    if (workload.MaxPayloadBytes is int limit)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workload.Name}: MaxPayloadBytes raised to {limit:N0} (its input is over AWS's 256 KiB limit, which AWS would refuse)"));
    }

    // The peer has no waiting workload: it holds executions in memory only.
    var peer = options.SkipPeer || workload.Waits ? null : Peer.Run(options.Peers, options.Scale, workload.Name);
    foreach (string mode in workload.Waits ? ["standard"] : new[] { "express", "standard" })
    {
        if (mode == "standard" && workload.NoStandard is { } reason)
        {
            Console.WriteLine($"{workload.Name,-18} {mode,-9} not run: {reason}");
            continue;
        }

        var result = Child.Spawn(workload.Name, mode, options.Workloads, options.Scale);
        if (result is null)
        {
            Console.WriteLine($"{workload.Name,-18} {mode,-9} ERROR");
            continue;
        }

        double peerRate = peer is not null && peer.TryGetValue(workload.Name, out double p) ? p : double.NaN;
        double ratio = result.Value.TransitionsPerSecond / peerRate;
        if (!double.IsNaN(ratio))
        {
            ratios[mode] = Math.Min(ratios[mode], ratio);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workload.Name,-18} {mode,-9} {result.Value.TransitionsPerSecond,14:N0} {result.Value.ExecutionsPerSecond,10:N1} {result.Value.PeakRssMb,12:N1} {peerRate,13:N0} {ratio,7:N2} {result.Value.CpuMsPerExecution,12:N3} {result.Value.CommitsPerExecution,13:N2} {result.Value.AllocatedKbPerExecution,14:N1}"));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"express min-ratio: {Format(ratios["express"])}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"standard min-ratio: {Format(ratios["standard"])}"));
return 0;

static string Format(double ratio) => double.IsInfinity(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture);
