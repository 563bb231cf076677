using System.Collections.Immutable;
using System.Globalization;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Runtime.Serialization;

namespace Stepwise.Hosting.Durable;

/// <summary>
/// What the dispatcher stores as an execution's snapshot: the header and the interpreter's snapshot. An execution that
/// ended for good (succeeded, or failed past the redrive limits) keeps its header only (<see cref="Snapshot"/> null):
/// no step can change it any more, and RedriveExecution, DescribeStateMachineForExecution and the Map Run child
/// definition lookups read nothing but the header, so serializing and storing its frames, input and output again
/// would buy nothing.
/// </summary>
internal sealed record DurableSnapshot(ExecutionHeader Header, ExecutionSnapshot? Snapshot)
{
    /// <summary>Whether the execution ended for good: only the header was kept, and no stimulus applies any more.</summary>
    public bool IsClosed => Snapshot is null;

    public string Serialize()
    {
        var builder = new JsonObjectBuilder(6)
            .Set("stateMachineArn", Header.StateMachineArn)
            .Set("revisionId", Header.RevisionId)
            .Set("seed", Header.Seed);
        if (Header.MockTestCase is not null)
        {
            builder.Set("mockTestCase", Header.MockTestCase);
        }

        if (Header.RedriveClientToken is not null)
        {
            builder.Set("redriveClientToken", Header.RedriveClientToken);
        }

        if (Header.Parent is { } parent)
        {
            builder.Set("parent", JsonObject.Create(
                ("executionArn", (JsonValue)parent.ExecutionArn),
                ("taskId", JsonNumber.FromInt64(parent.TaskId)),
                ("parsed", parent.Parsed ? JsonValue.True : JsonValue.False),
                ("requestId", parent.RequestId)));
        }

        if (Header.Children is { Count: > 0 } children)
        {
            var map = new JsonObjectBuilder(children.Count);
            foreach (var (taskId, child) in children)
            {
                map.Set(taskId.ToString(CultureInfo.InvariantCulture),
                    JsonObject.Create(("executionArn", (JsonValue)child.ExecutionArn), ("submitted", child.Submitted ? JsonValue.True : JsonValue.False)));
            }

            builder.Set("children", map.ToObject());
        }

        if (Header.MapRunChild is { } link)
        {
            builder.Set("mapRunChild", JsonObject.Create(("mapRunArn", (JsonValue)link.MapRunArn), ("index", JsonNumber.FromInt64(link.Index))));
        }

        if (Header.Definition is not null)
        {
            builder.Set("definition", Header.Definition);
        }

        if (Snapshot is not null)
        {
            builder.Set("snapshot", SnapshotSerializer.ToJson(Snapshot));
        }

        return builder.ToObject().ToJsonString();
    }

    public static DurableSnapshot Deserialize(string json)
    {
        var obj = JsonValue.Parse(json).AsObject();
        var header = new ExecutionHeader(
            obj["stateMachineArn"]!.AsString(),
            obj["revisionId"]!.AsString(),
            obj["seed"]!.AsNumber().TryGetInt32(out int seed) ? seed : throw new FormatException("Stored snapshot has an invalid seed."),
            obj["mockTestCase"]?.AsString(),
            obj["redriveClientToken"]?.AsString(),
            obj["parent"] is JsonObject parent ? ReadParent(parent) : null,
            obj["children"] is JsonObject children ? ReadChildren(children) : null,
            obj["mapRunChild"] is JsonObject link ? ReadMapRunChild(link) : null,
            obj["definition"]?.AsString());
        return new DurableSnapshot(header, obj["snapshot"] is { } snapshot ? SnapshotSerializer.FromJson(snapshot) : null);
    }

    private static ParentTask ReadParent(JsonObject parent) => new(
        parent["executionArn"]!.AsString(),
        parent["taskId"]!.AsNumber().TryGetInt64(out long taskId) ? taskId : throw new FormatException("Stored snapshot has an invalid parent task id."),
        parent["parsed"] is { Kind: JsonValueKind.True },
        parent["requestId"]!.AsString());

    private static MapRunChildLink ReadMapRunChild(JsonObject link) => new(
        link["mapRunArn"]!.AsString(),
        link["index"]!.AsNumber().TryGetInt64(out long index) ? index : throw new FormatException("Stored snapshot has an invalid Map Run child index."));

    private static ImmutableSortedDictionary<long, NestedChild> ReadChildren(JsonObject children)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<long, NestedChild>();
        foreach (var (taskId, child) in children)
        {
            var obj = child.AsObject();
            builder[long.Parse(taskId, CultureInfo.InvariantCulture)] = new NestedChild(obj["executionArn"]!.AsString(), obj["submitted"] is { Kind: JsonValueKind.True });
        }

        return builder.ToImmutable();
    }
}
