using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Runtime.Tests.TestSupport;

/// <summary>Small helpers to write definitions and inputs inline (single quotes stand for double quotes).</summary>
internal static class Asl
{
    public static JsonValue Json(string text) => JsonValue.Parse(text.Replace('\'', '"'));

    public static StateMachine Machine(string definition) => StateMachine.FromJson(Json(definition));

    public static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static ExecutionInfo Info(JsonValue input, string name = "exec") => new(
        $"arn:aws:states:us-east-1:123456789012:execution:Machine:{name}",
        name,
        "arn:aws:states:us-east-1:123456789012:stateMachine:Machine",
        "Machine",
        "arn:aws:iam::123456789012:role/test",
        "us-east-1",
        Start,
        input);

    /// <summary>The event types of a history, space-separated, for compact assertions.</summary>
    public static string Types(IEnumerable<HistoryEvent> events) => string.Join(' ', events.Select(e => e.Type));

    /// <summary>"id:previousEventId" pairs, space-separated.</summary>
    public static string Links(IEnumerable<HistoryEvent> events) => string.Join(' ', events.Select(e => $"{e.Id}:{e.PreviousEventId}"));
}
