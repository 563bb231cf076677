using Stepwise.Hosting.Durable;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Runtime.Serialization;
using Stepwise.Storage.Work;

namespace Stepwise.Hosting.MapRuns;

/// <summary>
/// The work items of a durable execution's Map Runs, enqueued in the commit of the step that starts or abandons the
/// run, so a crash cannot lose them: <see cref="WorkKinds.MapRun"/> (run it) and <see cref="WorkKinds.StopMapRun"/>.
/// </summary>
internal static class MapRunWork
{
    public static WorkItem Start(string executionArn, StartMapRunCommand command, DateTimeOffset now) =>
        new(command.RedriveCount == 0 ? $"{command.MapRunArn}#start" : $"{command.MapRunArn}#redrive-{command.RedriveCount}", WorkKinds.MapRun, executionArn, MapRunCommandSerializer.ToJson(command).ToJsonString(), now);

    public static StartMapRunCommand ReadStart(string payload) => MapRunCommandSerializer.FromJson(JsonValue.Parse(payload));

    public static WorkItem Stop(string executionArn, string mapRunArn, DateTimeOffset now) =>
        new($"{mapRunArn}#stop", WorkKinds.StopMapRun, executionArn, JsonObject.Create(("mapRunArn", (JsonValue)mapRunArn)).ToJsonString(), now);

    public static string ReadStop(string payload) => JsonValue.Parse(payload).AsObject()["mapRunArn"]!.AsString();
}
