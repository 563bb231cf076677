using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Runtime.Serialization;

namespace Stepwise.Hosting.Durable;

/// <summary>What the dispatcher stores as an execution's snapshot: the header and the interpreter's snapshot.</summary>
internal sealed record DurableSnapshot(ExecutionHeader Header, ExecutionSnapshot Snapshot)
{
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

        return builder.Set("snapshot", SnapshotSerializer.ToJson(Snapshot)).ToObject().ToJsonString();
    }

    public static DurableSnapshot Deserialize(string json)
    {
        var obj = JsonValue.Parse(json).AsObject();
        var header = new ExecutionHeader(
            obj["stateMachineArn"]!.AsString(),
            obj["revisionId"]!.AsString(),
            obj["seed"]!.AsNumber().TryGetInt32(out int seed) ? seed : throw new FormatException("Stored snapshot has an invalid seed."),
            obj["mockTestCase"]?.AsString(),
            obj["redriveClientToken"]?.AsString());
        return new DurableSnapshot(header, SnapshotSerializer.FromJson(obj["snapshot"] ?? throw new FormatException("Stored snapshot has no 'snapshot'.")));
    }
}
