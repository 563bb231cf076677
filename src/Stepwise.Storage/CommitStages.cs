namespace Stepwise.Storage;

/// <summary>
/// The points inside a step commit where a provider calls its test hook, so the contract suite can inject a failure
/// half-way through a commit and check that nothing of it was kept.
/// </summary>
internal static class CommitStages
{
    public const string Events = "events";
    public const string Snapshot = "snapshot";
    public const string Timers = "timers";
    public const string Work = "work";
    public const string TaskTokens = "task-tokens";
    public const string ActivityTasks = "activity-tasks";
}
