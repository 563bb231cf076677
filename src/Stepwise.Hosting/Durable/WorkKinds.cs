namespace Stepwise.Hosting.Durable;

/// <summary>The kinds of work items the durable dispatcher enqueues.</summary>
internal static class WorkKinds
{
    /// <summary>Invoke a Task state's resource, then feed the outcome to the execution.</summary>
    public const string InvokeTask = "invoke-task";

    /// <summary>A child of a nested <c>.sync</c> task finished: answer the parent's task with its description.</summary>
    public const string AnswerParent = "answer-parent";

    /// <summary>A nested <c>.sync</c> task is no longer awaited (its parent stopped, failed or left the state): stop its child.</summary>
    public const string StopChild = "stop-child";

    /// <summary>A distributed Map started a Map Run: run it (<see cref="MapRuns.MapRunCoordinator"/>) and answer the parent.</summary>
    public const string MapRun = "map-run";

    /// <summary>A Map Run is no longer awaited (its parent stopped, failed or left the state): abort its children.</summary>
    public const string StopMapRun = "stop-map-run";
}
