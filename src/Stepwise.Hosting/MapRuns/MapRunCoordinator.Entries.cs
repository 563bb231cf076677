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
}
