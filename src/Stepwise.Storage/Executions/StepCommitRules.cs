using System.Diagnostics.CodeAnalysis;

namespace Stepwise.Storage.Executions;

/// <summary>The checks every provider makes on a step commit before writing anything (they are caller bugs, not conflicts).</summary>
internal static class StepCommitRules
{
    /// <summary>Throws <see cref="ArgumentException"/> when the commit is malformed; returns its new last event id.</summary>
    public static long Validate(StepCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.ExpectedLastEventId < 0)
        {
            Throw("ExpectedLastEventId must not be negative.");
        }

        var next = commit.ExpectedLastEventId + 1;
        var events = commit.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Id != next + i)
            {
                Throw($"Event {i} has id {events[i].Id}; the commit's events must run on from {next} without gaps.");
            }
        }

        var timers = commit.TimersToStart;
        for (var i = 0; i < timers.Count; i++)
        {
            if (!string.Equals(timers[i].ExecutionArn, commit.ExecutionArn, StringComparison.Ordinal))
            {
                Throw($"Timer {timers[i].TimerId} belongs to '{timers[i].ExecutionArn}', not to the committing execution.");
            }
        }

        if (commit.Completion is { } completion && string.Equals(completion.Status, ExecutionStatuses.Running, StringComparison.Ordinal))
        {
            Throw("A completion cannot set the status RUNNING.");
        }

        return commit.ExpectedLastEventId + events.Count;
    }

    [DoesNotReturn]
    private static void Throw(string message) => throw new ArgumentException(message, "commit");
}
