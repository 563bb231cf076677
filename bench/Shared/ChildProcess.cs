using System.Diagnostics;
using System.Globalization;
using Stepwise.Json;

namespace Stepwise.Bench;

/// <summary>
/// The benchmarks measure each case in a fresh process of their own, so that its peak RSS and JIT state are its own:
/// the child prints one JSON line of figures last, which the parent reads back.
/// </summary>
internal static class ChildProcess
{
    /// <summary>
    /// Runs this benchmark's assembly with <paramref name="arguments"/> and returns the child's last output line as a JSON
    /// object, or null (after printing the child's output under <paramref name="label"/>) when it failed.
    /// </summary>
    public static JsonObject? Run(string assemblyPath, IEnumerable<string> arguments, string label)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(assemblyPath);
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string? last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null || !JsonValue.TryParse(last, out var json, out _) || json is not JsonObject obj)
        {
            Console.Error.WriteLine($"{label}: {output}");
            return null;
        }

        return obj;
    }

    /// <summary>This process's peak resident set so far (VmHWM), in MB; NaN where /proc is not there.</summary>
    public static double PeakRssMb()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }
}
