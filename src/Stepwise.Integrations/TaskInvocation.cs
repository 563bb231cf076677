using Stepwise.Json;

namespace Stepwise.Integrations;

/// <summary>
/// A task to run, as the host hands it to <see cref="TaskDispatcher"/>: the resource, the evaluated Parameters,
/// the task token, the context object, and which state machine, test case and state it belongs to (for mocks).
/// <paramref name="MockAttempt"/> counts earlier invocations of the same state in this execution (the mock file's
/// repetition keys index it); <paramref name="RequestId"/> and <paramref name="Now"/> fill AWS-shaped responses.
/// </summary>
public sealed record TaskInvocation(string Resource, JsonValue Parameters, string? TaskToken, JsonValue Context,
    string StateMachineName, string StateName, string? MockTestCase, int MockAttempt, string Region, string AccountId,
    string RequestId, DateTimeOffset Now)
{
    /// <summary>
    /// How a <c>.sync</c> integration reports that its job started (the history's <c>TaskSubmitted</c>, with the start
    /// answer) before the task ends; null = the host records no such event.
    /// </summary>
    public Func<JsonValue, CancellationToken, ValueTask>? Submitted { get; init; }
}
