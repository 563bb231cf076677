using System.Globalization;
using Stepwise.Engine.Bench;

// bench/run engine: per workload, the parent runs the peer on it and then each mode in a fresh child process of its
// own, so the peak RSS (VmHWM) is that workload's; it prints one line per workload and mode and the min ratios. The
// peer runs right before the engine on the same workload (as the jsonata bench does), so that the load of a shared
// machine, which changes over a run of several minutes, weighs on both sides of a ratio alike.
//   parent: --workloads DIR --peers DIR [--scale S] [--only a,b] [--skip-peer] [--runs N]
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

    // The peer has no waiting workload: it holds executions in memory only. With --runs N the peer and each mode run N
    // times, interleaved, and each side's median run is compared (the peer's own bench takes the median of 3).
    string[] modes = workload.Waits ? ["standard"] : ["express", "standard"];
    var peerRates = new List<double>();
    var results = new Dictionary<string, List<Child.Result>>(StringComparer.Ordinal);
    for (int run = 0; run < options.Runs; run++)
    {
        if (!options.SkipPeer && !workload.Waits && Peer.Run(options.Peers, options.Scale, workload.Name).TryGetValue(workload.Name, out double rate))
        {
            peerRates.Add(rate);
        }

        foreach (string mode in modes)
        {
            if ((mode != "standard" || workload.NoStandard is null) && Child.Spawn(workload.Name, mode, options.Workloads, options.Scale) is { } result)
            {
                (results.TryGetValue(mode, out var list) ? list : results[mode] = []).Add(result);
            }
        }
    }

    double peerRate = peerRates.Count > 0 ? Median(peerRates, static r => r) : double.NaN;
    foreach (string mode in modes)
    {
        if (mode == "standard" && workload.NoStandard is { } reason)
        {
            Console.WriteLine($"{workload.Name,-18} {mode,-9} not run: {reason}");
            continue;
        }

        if (!results.TryGetValue(mode, out var runs))
        {
            Console.WriteLine($"{workload.Name,-18} {mode,-9} ERROR");
            continue;
        }

        var median = Median(runs, static r => r.TransitionsPerSecond);
        double ratio = median.TransitionsPerSecond / peerRate;
        if (!double.IsNaN(ratio))
        {
            ratios[mode] = Math.Min(ratios[mode], ratio);
        }

        string spread = runs.Count > 1
            ? string.Create(CultureInfo.InvariantCulture, $"  ({runs.Count} runs: {string.Join(", ", runs.ConvertAll(r => r.TransitionsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))}; peer {string.Join(", ", peerRates.ConvertAll(r => r.ToString("N0", CultureInfo.InvariantCulture)))})")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workload.Name,-18} {mode,-9} {median.TransitionsPerSecond,14:N0} {median.ExecutionsPerSecond,10:N1} {median.PeakRssMb,12:N1} {peerRate,13:N0} {ratio,7:N2} {median.CpuMsPerExecution,12:N3} {median.CommitsPerExecution,13:N2} {median.AllocatedKbPerExecution,14:N1}{spread}"));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"express min-ratio: {Format(ratios["express"])}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"standard min-ratio: {Format(ratios["standard"])}"));
return 0;

// The middle run by the given figure (the lower middle of an even count), so every figure printed is one real run's.
static T Median<T>(List<T> runs, Func<T, double> by)
{
    var sorted = new List<T>(runs);
    sorted.Sort((a, b) => by(a).CompareTo(by(b)));
    return sorted[(sorted.Count - 1) / 2];
}

static string Format(double ratio) => double.IsInfinity(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture);
