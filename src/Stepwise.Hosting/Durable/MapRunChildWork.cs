using Stepwise.Json;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// The work item a Map Run child's closing commit enqueues (<see cref="WorkKinds.MapRunChildEnded"/>), so its run hears
/// of the end even if the process dies right after the commit.
/// </summary>
internal static class MapRunChildWork
{
    /// <summary>Tells <paramref name="link"/>'s run that <paramref name="childArn"/>, whose completion is event <paramref name="lastEventId"/>, ended.</summary>
    public static WorkItem Ended(MapRunChildLink link, string childArn, long lastEventId, DateTimeOffset now)
    {
        string payload = JsonObject.Create(
            ("mapRunArn", (JsonValue)link.MapRunArn),
            ("index", JsonNumber.FromInt64(link.Index)),
            ("childArn", childArn)).ToJsonString();
        // A child redriven with its run ends again: each end is its own item.
        return new WorkItem($"{childArn}#map-run-child-ended-{lastEventId}", WorkKinds.MapRunChildEnded, childArn, payload, now);
    }

    public static (MapRunChildLink Link, string ChildArn) ReadEnded(string payload)
    {
        var obj = JsonValue.Parse(payload).AsObject();
        var link = new MapRunChildLink(obj["mapRunArn"]!.AsString(),
            obj["index"]!.AsNumber().TryGetInt64(out long index) ? index : throw new FormatException("Map-run-child-ended work without an index."));
        return (link, obj["childArn"]!.AsString());
    }
}
