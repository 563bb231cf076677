namespace Stepwise.Storage.TaskTokens;

/// <summary>
/// Finds the task a token belongs to. Tokens are added and removed by step commits, and removed with everything else
/// an execution waits on when a commit finishes it.
/// </summary>
public interface ITaskTokenIndex
{
    /// <summary>The entry for <paramref name="taskToken"/>; null when no running task has it.</summary>
    ValueTask<TaskTokenEntry?> FindAsync(string taskToken, CancellationToken cancellationToken = default);
}
