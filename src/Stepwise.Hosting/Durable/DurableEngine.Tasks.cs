using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Storage.TaskTokens;

namespace Stepwise.Hosting.Durable;

/// <summary>Task-token callbacks: the answers of activity workers and of <c>.waitForTaskToken</c> integrations.</summary>
public sealed partial class DurableEngine
{
    /// <summary>Answers <c>SendTaskSuccess</c>: the task waiting with <paramref name="taskToken"/> succeeds with <paramref name="output"/>.</summary>
    public Task<TaskTokenAnswer> SendTaskSuccessAsync(string taskToken, JsonValue output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return SendToTaskAsync(taskToken, TaskAnswer.Success(output), cancellationToken);
    }

    /// <summary>Answers <c>SendTaskFailure</c>: the task fails with <paramref name="error"/> and <paramref name="cause"/> (Retry and Catch see them).</summary>
    public Task<TaskTokenAnswer> SendTaskFailureAsync(string taskToken, string? error, string? cause, CancellationToken cancellationToken = default) =>
        SendToTaskAsync(taskToken, TaskAnswer.Failure(error, cause), cancellationToken);

    /// <summary>Answers <c>SendTaskHeartbeat</c>: a task with <c>HeartbeatSeconds</c> restarts its heartbeat clock.</summary>
    public Task<TaskTokenAnswer> SendTaskHeartbeatAsync(string taskToken, CancellationToken cancellationToken = default) =>
        SendToTaskAsync(taskToken, TaskAnswer.Beat, cancellationToken);

    private async Task<TaskTokenAnswer> SendToTaskAsync(string taskToken, TaskAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskToken);
        if (!TaskTokens.IsWellFormed(taskToken))
        {
            return TaskTokenAnswer.InvalidToken;
        }

        var entry = await _store.TaskTokens.FindAsync(taskToken, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return TaskTokenAnswer.TaskDoesNotExist;
        }

        if (!await IsTaskPendingAsync(entry.ExecutionArn, entry.TaskId, cancellationToken).ConfigureAwait(false))
        {
            return TaskTokenAnswer.TaskTimedOut;
        }

        var stimulus = answer.ToStimulus(entry.TaskId);
        var outcome = await _runner.StepAsync(entry.ExecutionArn, stimulus, null, 0, _dispatcher.Claim(held: 0), cancellationToken,
            answer.Heartbeat ? null : taskToken).ConfigureAwait(false);
        _dispatcher.AfterStep(entry.ExecutionArn, outcome);
        return TaskTokenAnswer.Accepted;
    }

    /// <summary>Whether the task the token leads to still waits (it may have timed out, or its state been left).</summary>
    private async Task<bool> IsTaskPendingAsync(string executionArn, long taskId, CancellationToken cancellationToken)
    {
        var stored = await _store.Executions.GetSnapshotAsync(executionArn, cancellationToken).ConfigureAwait(false);
        return stored is not null && DurableSnapshot.Deserialize(stored.Json).Snapshot?.IsTaskPending(taskId) == true;
    }
}
