using Stepwise.Integrations.Items;
using Stepwise.Json;

namespace Stepwise.Hosting.MapRuns;

/// <summary>What the coordinator's loop keeps per child, hears from children, and reads from the items.</summary>
internal sealed partial class MapRunCoordinator
{
    /// <summary>A running child and how many items it runs.</summary>
    private readonly record struct Running(MapRunChild Child, int ItemCount);

    /// <summary>A child ended (<see cref="Outcome"/>), or, with none, UpdateMapRun woke the loop.</summary>
    private readonly record struct Finished(long Index, MapRunChildOutcome? Outcome)
    {
        public static Finished Wake => new(-1, null);
    }

    /// <summary>A child's input and its item count, or the ItemSelector's failure.</summary>
    private readonly record struct ChildInput(JsonValue? Value, int ItemCount, string? Error = null, string? Cause = null)
    {
        public static ChildInput Failed(string error, string cause) => new(null, 0, error, cause);
    }

    /// <summary>What one <see cref="RunAsync"/> keeps: the running children, the results, the writer, the failure.</summary>
    private sealed class RunState(CancellationTokenSource childrenStop)
    {
        public Dictionary<long, Running> Running { get; } = [];

        /// <summary>Without a ResultWriter: each child's result by index, null while it runs.</summary>
        public List<JsonValue?> Results { get; } = [];

        /// <summary>The UTF-8 size of the output array so far.</summary>
        public long ResultBytes { get; set; } = 2;

        public IResultWriterSession? Session { get; set; }

        /// <summary>Without a ResultWriter: the EXPRESS children that succeeded, whose results a redrive keeps.</summary>
        public List<long> SucceededExpress { get; } = [];

        public CancellationTokenSource ChildrenStop { get; } = childrenStop;

        public string? Error { get; private set; }

        public string? Cause { get; private set; }

        /// <summary>The run fails (the first failure wins): no more children start, the running ones are aborted.</summary>
        public void Fail(string error, string? cause)
        {
            if (Error is not null)
            {
                return;
            }

            (Error, Cause) = (error, cause);
            ChildrenStop.Cancel();
        }
    }
}
