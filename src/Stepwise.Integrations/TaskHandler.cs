using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>
/// Serves a Task resource in process. Return the task's result; throw <see cref="TaskFailedException"/> (or, for
/// Lambda functions, <see cref="LambdaFunctionException"/>) to fail the task with an ASL error.
/// </summary>
public delegate ValueTask<JsonValue> TaskHandler(TaskRequest request, CancellationToken cancellationToken);
