namespace Stepwise.Hosting.Durable;

/// <summary>The kinds of work items the durable dispatcher enqueues.</summary>
internal static class WorkKinds
{
    /// <summary>Invoke a Task state's resource, then feed the outcome to the execution.</summary>
    public const string InvokeTask = "invoke-task";
}
