using System.Diagnostics;
using Stepwise.Json;

namespace Stepwise.Engine.Bench;

/// <summary>Runs the peer benchmark (<c>npm install</c> when needed, then <c>node bench.mjs</c>) and reads its transitions/s per workload.</summary>
internal static class Peer
{
    /// <summary>The peer's transitions/s per workload, for <paramref name="only"/> (a comma-separated list) or for all.</summary>
    public static Dictionary<string, double> Run(string peers, double scale, string? only = null)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!Directory.Exists(Path.Combine(peers, "node_modules", "aws-local-stepfunctions")))
        {
            Exec(peers, "npm", ["install", "--no-audit", "--no-fund"]);
        }

        var arguments = new List<string> { "bench.mjs", "--runs", "1" };
        if (scale < 1)
        {
            arguments.Add("--quick");
        }

        if (only is not null)
        {
            arguments.AddRange(["--only", only]);
        }

        string output = Exec(peers, "node", arguments);
        foreach (string line in output.Split('\n'))
        {
            const string prefix = "raw results: ";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var summary = JsonValue.Parse(File.ReadAllText(line[prefix.Length..].Trim())).AsObject()["summary"]!.AsArray();
                foreach (var s in summary)
                {
                    var obj = s.AsObject();
                    if (obj["ok"] is { } ok && ok.AsBoolean() && obj["transitionsPerSec"] is JsonNumber rate)
                    {
                        rates[obj["name"]!.AsString()] = rate.ToDouble();
                    }
                }
            }
        }

        return rates;
    }

    private static string Exec(string folder, string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
