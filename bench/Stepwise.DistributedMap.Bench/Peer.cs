using System.Diagnostics;
using Stepwise.Json;

namespace Stepwise.DistributedMap.Bench;

/// <summary>
/// The peer's inline Map figure: <c>node bench.mjs --only map-fanout-c0,map-fanout-c40</c> (aws-local-stepfunctions)
/// in the folder bench/run prepared (a writable copy of shared/bench/peers); the better of its two items/s.
/// </summary>
internal static class Peer
{
    public static double ItemsPerSecond(string peers)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = peers, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "bench.mjs", "--runs", "1", "--only", "map-fanout-c0,map-fanout-c40" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double best = double.NaN;
        foreach (string line in output.Split('\n'))
        {
            const string prefix = "raw results: ";
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var entry in JsonValue.Parse(File.ReadAllText(line[prefix.Length..].Trim())).AsObject()["summary"]!.AsArray())
            {
                if (entry.AsObject()["itemsPerSec"] is JsonNumber rate && !(rate.ToDouble() <= best))
                {
                    best = rate.ToDouble();
                }
            }
        }

        return best;
    }
}
