using Stepwise.Json;

namespace Stepwise.Engine.Bench;

/// <summary>
/// One workload of <c>shared/bench/workloads</c>, as the peer benchmark (<c>shared/bench/peers/bench.mjs</c>) runs it:
/// the definition, how many executions, how many in flight, the input of execution <c>k</c>, and the payload limit the
/// engine runs it with when AWS's 256 KiB would refuse its input. A <see cref="Waits"/> workload is Stepwise's own
/// (no peer runs it): it starts Standard executions that stay waiting, to show that waiting costs storage, not memory.
/// </summary>
internal sealed record Workload(string Name, string File, int Executions, int InFlight, Func<string, int, JsonValue> Input, bool HasTasks = false,
    int? MaxPayloadBytes = null, bool Waits = false, string? NoStandard = null)
{
    private const string OverHistoryLimit =
        "10,000 iterations record ~40,000 events, over the 25,000-event history limit of a Standard execution: AWS fails it, so does Stepwise";

    public static readonly Workload[] All =
    [
        new("pass-chain", "pass-chain.asl.json", 2000, 1, WithIndex),
        new("pass-chain-bare", "pass-chain-bare.asl.json", 2000, 1, WithIndex),
        new("choice-loop", "choice-loop.asl.json", 20, 1, static (dir, _) => Read(dir, "choice-loop.input.json")),
        // map-fanout's 10,000-item input (413 KB) is over AWS's 256 KiB payload limit: AWS (and Stepwise by default)
        // fails it with States.DataLimitExceeded at once, and the peer does not enforce the limit. The engine runs it
        // with MaxPayloadBytes raised to 1 MiB (the operator option for local use), and the bench says so.
        // It runs Express only: as Standard it would end at the history limit.
        new("map-fanout-c0", "map-fanout-c0.asl.json", 1, 1, static (dir, _) => Read(dir, "map-fanout.input.json"), MaxPayloadBytes: 1 << 20,
            NoStandard: OverHistoryLimit),
        new("map-fanout-c40", "map-fanout-c40.asl.json", 1, 1, static (dir, _) => Read(dir, "map-fanout.input.json"), MaxPayloadBytes: 1 << 20,
            NoStandard: OverHistoryLimit),
        new("task-chain", "task-chain.asl.json", 1000, 1, WithIndex, HasTasks: true),
        new("concurrent-starts", "pass5.asl.json", 10000, 500, WithIndex),
        // The peer fails this one (it has no JSONata), so it prints no ratio; the figure is Stepwise's alone.
        new("jsonata-chain", "jsonata-chain.asl.json", 2000, 1, WithIndex),
        // 100,000 Standard executions (and a tenth more to warm up) left waiting on an hour-long Wait state: the peak
        // RSS must stay under 200 MB, as nothing of a waiting execution stays in memory (DESIGN.md §4).
        new("waiting", WaitingFile, 100_000, 500, WithIndex, Waits: true),
    ];

    /// <summary>The waiting workload's definition, which is not one of the shared workloads' files.</summary>
    private const string WaitingFile = "(waiting)";

    private static readonly Dictionary<string, JsonValue> s_files = new(StringComparer.Ordinal);

    public static JsonValue Read(string dir, string file)
    {
        if (file == WaitingFile)
        {
            return JsonValue.Parse("""{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        }

        lock (s_files)
        {
            if (!s_files.TryGetValue(file, out var value))
            {
                value = JsonValue.Parse(System.IO.File.ReadAllText(Path.Combine(dir, file)));
                s_files[file] = value;
            }

            return value;
        }
    }

    private static JsonValue WithIndex(string dir, int k) => Read(dir, "input-1kb.json").AsObject().With("i", k);
}
