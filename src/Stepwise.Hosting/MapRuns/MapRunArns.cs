using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// The names AWS gives a Map Run's children. For a run <c>arn:…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;run id&gt;</c> the
/// children run the state machine <c>arn:…:stateMachine:&lt;machine&gt;/&lt;label&gt;</c>; a STANDARD child is
/// <c>arn:…:execution:&lt;machine&gt;/&lt;label&gt;:&lt;name&gt;</c>, an EXPRESS one
/// <c>arn:…:express:&lt;machine&gt;/&lt;label&gt;:&lt;name&gt;:&lt;uuid&gt;</c> (AWS developer guide, "Distributed Map state":
/// child executions), each name a UUID.
/// </summary>
internal sealed class MapRunArns
{
    private readonly string _prefix;
    private readonly string _machine;

    public MapRunArns(string mapRunArn)
    {
        int type = mapRunArn.IndexOf(":mapRun:", StringComparison.Ordinal);
        int last = mapRunArn.LastIndexOf(':');
        if (type < 0 || last <= type + 8)
        {
            throw new ArgumentException($"'{mapRunArn}' is not a Map Run ARN.", nameof(mapRunArn));
        }

        _prefix = mapRunArn[..type];
        _machine = mapRunArn[(type + 8)..last];
        StateMachineArn = _prefix + ":stateMachine:" + _machine;
    }

    /// <summary>The children's state machine.</summary>
    public string StateMachineArn { get; }

    /// <summary>The identity of a new child of <paramref name="command"/>'s run with <paramref name="input"/>, started at <paramref name="now"/>.</summary>
    public ExecutionInfo Child(StartMapRunCommand command, JsonValue input, DateTimeOffset now, Random random)
    {
        string name = RandomIds.NewUuid(random);
        bool express = string.Equals(command.ChildType, "EXPRESS", StringComparison.Ordinal);
        string executionArn = express
            ? $"{_prefix}:express:{_machine}:{name}:{RandomIds.NewUuid(random)}"
            : $"{_prefix}:execution:{_machine}:{name}";
        var parent = command.ItemScope.Info;
        return new ExecutionInfo(executionArn, name, StateMachineArn, _machine, parent.RoleArn, parent.Region, now, input,
            RedriveCount: express ? null : 0);
    }
}
