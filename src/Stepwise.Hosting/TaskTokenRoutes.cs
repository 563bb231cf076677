using System.Collections.Concurrent;
using Stepwise.Hosting.Durable;
using Stepwise.Runtime;

namespace Stepwise.Hosting;

/// <summary>
/// Where the in-memory engine delivers task-token answers: the running execution loop and task of each token it
/// issued. A token is routed from its task's start until it is answered or its execution ends, so the answers follow
/// the durable engine's: unknown or spent → <c>TaskDoesNotExist</c>, its task gone (timed out, left) → <c>TaskTimedOut</c>.
/// </summary>
internal sealed class TaskTokenRoutes
{
    private readonly ConcurrentDictionary<string, Route> _routes = new(StringComparer.Ordinal);

    public void Add(string taskToken, ExecutionLoop loop, long taskId) => _routes[taskToken] = new Route(loop, taskId);

    public void Remove(string taskToken) => _routes.TryRemove(taskToken, out _);

    public TaskTokenAnswer Send(string taskToken, TaskAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(taskToken);
        if (!TaskTokens.IsWellFormed(taskToken))
        {
            return TaskTokenAnswer.InvalidToken;
        }

        if (!_routes.TryGetValue(taskToken, out var route))
        {
            return TaskTokenAnswer.TaskDoesNotExist;
        }

        if (!route.Loop.IsTaskPending(route.TaskId))
        {
            return TaskTokenAnswer.TaskTimedOut;
        }

        // A success or failure spends the token; of two racing answers only the one that removes it is delivered.
        if (!answer.Heartbeat && !_routes.TryRemove(new KeyValuePair<string, Route>(taskToken, route)))
        {
            return TaskTokenAnswer.TaskDoesNotExist;
        }

        route.Loop.Post(answer.ToStimulus(route.TaskId));
        return TaskTokenAnswer.Accepted;
    }

    private readonly record struct Route(ExecutionLoop Loop, long TaskId);
}
