using System.Diagnostics;
using System.Globalization;
using Stepwise.Json;
using Stepwise.Jsonata;
using Stepwise.Jsonata.Bench;

// The port of shared/bench/jsonata/bench.js: the same 12 expressions over the same data (dumped by `node bench.js
// --dump DIR`), each result checked against jsonata-js's, then timed the same way (warm-up, then whole evaluations one
// at a time for a fixed window). With --reference DIR (the folder of bench.js), jsonata-js times each case right
// before this port does (interleaved, so that load on a shared machine affects both alike) and the ratio is printed.
//
// Usage: Stepwise.Jsonata.Bench --data DIR [--seconds 1.5] [--reference DIR] [--only id,id]
string? dataDir = Option(args, "data");
if (dataDir is null)
{
    Console.Error.WriteLine("usage: Stepwise.Jsonata.Bench --data DIR [--seconds S] [--reference DIR] [--only id,id]");
    return 2;
}

double seconds = double.Parse(Option(args, "seconds") ?? "1.5", CultureInfo.InvariantCulture);
string? referenceDir = Option(args, "reference");
string[]? only = Option(args, "only")?.Split(',');

var data = JsonValue.Parse(File.ReadAllBytes(Path.Combine(dataDir, "data.json")));
var cases = new List<BenchCase>();
foreach (var item in JsonValue.Parse(File.ReadAllBytes(Path.Combine(dataDir, "cases.json"))).AsArray())
{
    var definition = item.AsObject();
    string id = definition["id"]!.AsString();
    if (only is not null && Array.IndexOf(only, id) < 0)
    {
        continue;
    }

    var input = definition["input"]!.AsString() == "root" ? data : null;
    JsonataBindings? bindings = null;
    if (definition["bindings"] is JsonString { Value: "states" })
    {
        bindings = new JsonataBindings().Set("states", JsonObject.Create(("input", data.AsObject()["small"]!), ("context", JsonObject.Empty)));
    }

    cases.Add(new BenchCase(id, definition["expr"]!.AsString(), input, bindings, definition["result"]));
}

Console.WriteLine($"Stepwise.Jsonata on .NET {Environment.Version}, {Environment.ProcessorCount} cores; {seconds.ToString(CultureInfo.InvariantCulture)} s per case");
Console.WriteLine($"{"case",-26}{"eval/s",13}{"median us",12}{"compile us",12}{"jsonata-js/s",14}{"ratio",9}");
double minRatio = double.PositiveInfinity;
bool allCorrect = true;
foreach (var benchCase in cases)
{
    var expression = JsonataExpression.Compile(benchCase.Expression);
    var result = expression.Evaluate(benchCase.Input, benchCase.Bindings);
    if (!ResultComparer.Same(benchCase.Expected, result))
    {
        allCorrect = false;
        Console.WriteLine($"{benchCase.Id,-26} WRONG RESULT: {Summarise(result)} (expected {Summarise(benchCase.Expected)})");
        continue;
    }

    double? reference = referenceDir is null ? null : RunReference(referenceDir, benchCase.Id, seconds);
    var timing = Time(benchCase, expression, seconds);
    string nodeRate = "", ratioText = "";
    if (reference is { } nodePerSecond)
    {
        double ratio = timing.EvaluationsPerSecond / nodePerSecond;
        minRatio = Math.Min(minRatio, ratio);
        nodeRate = nodePerSecond.ToString("F1", CultureInfo.InvariantCulture);
        ratioText = ratio.ToString("F1", CultureInfo.InvariantCulture) + "x";
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{timing.Id,-26}{timing.EvaluationsPerSecond,13:F1}{timing.MedianMicroseconds,12:F2}{timing.CompileMicroseconds,12:F1}{nodeRate,14}{ratioText,9}"));
}

if (referenceDir is not null)
{
    Console.WriteLine(allCorrect
        ? string.Create(CultureInfo.InvariantCulture, $"jsonata min-ratio: {minRatio:F1}")
        : "jsonata min-ratio: n/a (wrong results)");
}

return allCorrect ? 0 : 1;

static BenchResult Time(BenchCase benchCase, JsonataExpression expression, double seconds)
{
    // Compile time: at least 20 compilations and 0.3 s, as bench.js measures it.
    var clock = Stopwatch.StartNew();
    int compiles = 0;
    do
    {
        JsonataExpression.Compile(benchCase.Expression);
        compiles++;
    }
    while (compiles < 20 || clock.Elapsed.TotalMilliseconds < 300);

    double compileMicroseconds = clock.Elapsed.TotalMicroseconds / compiles;

    // Warm-up lets tiered compilation settle, then whole evaluations are timed one at a time.
    clock.Restart();
    int warm = 0;
    while (warm < 3 || clock.Elapsed.TotalMilliseconds < Math.Min(500, seconds * 300))
    {
        expression.Evaluate(benchCase.Input, benchCase.Bindings);
        warm++;
    }

    var times = new List<double>();
    clock.Restart();
    while (times.Count < 5 || clock.Elapsed.TotalSeconds < seconds)
    {
        long start = Stopwatch.GetTimestamp();
        expression.Evaluate(benchCase.Input, benchCase.Bindings);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    double total = clock.Elapsed.TotalSeconds;
    times.Sort();
    return new BenchResult(benchCase.Id, times.Count / total, times[times.Count / 2], compileMicroseconds);
}

// Runs `node bench.js --only <id>` for one case and reads its evaluations per second from its JSON output.
static double? RunReference(string directory, string id, double seconds)
{
    string output = Path.Combine(Path.GetTempPath(), $"stepwise-jsonata-bench-{Environment.ProcessId}.json");
    var start = new ProcessStartInfo("node")
    {
        WorkingDirectory = directory,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    foreach (string argument in (string[])["bench.js", "--only", id, "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--json", output])
    {
        start.ArgumentList.Add(argument);
    }

    using (var process = Process.Start(start)!)
    {
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            return null;
        }
    }

    var rows = JsonValue.Parse(File.ReadAllBytes(output)).AsObject()["rows"]!.AsArray();
    File.Delete(output);
    return rows.Count == 0 ? null : rows[0].AsObject()["evalPerSec"]!.AsNumber().ToDouble();
}

static string? Option(string[] args, string name)
{
    int i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string Summarise(JsonValue? value)
{
    string text = value is null ? "undefined" : value.ToJsonString();
    return text.Length > 60 ? text[..57] + "..." : text;
}
