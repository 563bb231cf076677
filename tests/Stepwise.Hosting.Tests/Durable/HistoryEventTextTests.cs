using System.Text;
using Stepwise.Hosting.Durable;
using Stepwise.Hosting.Tests.TestSupport;
using Stepwise.Json;
using Stepwise.Runtime;
using Stepwise.Testing;

namespace Stepwise.Hosting.Tests.Durable;

/// <summary>
/// The durable history writes each event's text as UTF-8 from its parts, the common detail shapes spelled by hand:
/// every byte must be what <see cref="HistoryEvent.ToAwsJson"/>'s compact text holds.
/// </summary>
public sealed class HistoryEventTextTests
{
    // A Pass and two Lambda functions (entered, exited, scheduled and succeeded details, payloads repeated and changed
    // by a field), then a Map (iteration details), with state names that need escapes and are not ASCII.
    private const string Definition = """
        {"StartAt":"Zoë \"in\" ☃","States":{
          "Zoë \"in\" ☃":{"Type":"Pass","Next":"Echo"},
          "Echo":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:echo","Next":"Grow"},
          "Grow":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:grow","Next":"Items"},
          "Items":{"Type":"Pass","Parameters":{"items":[1,2],"payload.$":"$"},"Next":"Each\\𝄞"},
          "Each\\𝄞":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"i.$":"$$.Map.Item.Value","p.$":"$.payload"},"End":true,
            "ItemProcessor":{"StartAt":"In\tside","States":{"In\tside":{"Type":"Pass","End":true}}}}}}
        """;

    public static TheoryData<string, string> Payloads => new()
    {
        { "short ASCII", """{"a":1,"b":"x"}""" },
        { "short with escapes and non-ASCII", """{"t":"Zoë \"q\" back\\slash\nline\ttab \u0001 ☃ 𝄞"}""" },
        { "long ASCII", $$"""{"orderId":"ord-7f3a","text":"{{new string('x', 600)}}","n":1}""" },
        { "long with escapes and non-ASCII", $$"""{"t":"{{string.Concat(Enumerable.Repeat("Zoë \\\"q\\\" \\\\ ☃ 𝄞 \\u0002 ", 40))}}","n":[1.5,-2,3e10]}""" },
        { "long changed next to non-ASCII", $$"""{"text":"{{new string('é', 300)}}","n":0,"tail":"{{new string('☃', 300)}}"}""" },
        { "a string", "\"just \\\"text\\\" ☃\"" },
        { "a number", "12.5" },
        { "an array", "[1,\"two\",null,true]" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Every_event_of_a_run_is_written_as_the_UTF8_of_its_AWS_text(string what, string input)
    {
        var history = await RunAsync(JsonValue.Parse(input), new DateTimeOffset(2024, 5, 17, 10, 32, 45, 123, TimeSpan.Zero));

        var writer = new ResolvingStepWriter();
        var written = new List<byte[]>();
        foreach (var e in history)
        {
            new HistoryEventText(e).WriteTo(writer);
            written.Add(writer.TakeEvent());
        }

        for (int i = 0; i < history.Count; i++)
        {
            Assert.True(
                Encoding.UTF8.GetBytes(history[i].ToAwsJson().ToJsonString()).AsSpan().SequenceEqual(written[i]),
                $"{what}: event {history[i]} was written as {Encoding.UTF8.GetString(written[i])}");
        }

        // Every shape written by hand was written, and the ones that carry a payload shared it with another event.
        foreach (var shape in Enum.GetValues<LazyEventDetails.Shape>())
        {
            Assert.Contains(history, e => e.LazyDetails.Kind == shape);
        }

        Assert.True(writer.References > 0 || input.Length < 256, what);
    }

    [Fact]
    public async Task A_long_payload_that_changes_in_a_field_is_written_as_its_change()
    {
        var input = JsonObject.Create(("text", new string('é', 300) + " \"q\" ☃ 𝄞"), ("n", 0));
        var history = await RunAsync(input, DateTimeOffset.UnixEpoch.AddDays(20000));
        var writer = new ResolvingStepWriter();

        foreach (var e in history)
        {
            new HistoryEventText(e).WriteTo(writer);
            Assert.Equal(Encoding.UTF8.GetBytes(e.ToAwsJson().ToJsonString()), writer.TakeEvent());
        }

        Assert.True(writer.Derived > 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(120)]
    [InlineData(123)]
    [InlineData(999)]
    public void Events_of_different_instants_written_one_after_another_each_carry_their_own_timestamp(int milliseconds)
    {
        var first = new DateTimeOffset(2024, 5, 17, 10, 32, 45, TimeSpan.Zero).AddMilliseconds(milliseconds);
        DateTimeOffset[] times = [first, first, first.AddMilliseconds(1), first, first.AddSeconds(1), DateTimeOffset.UnixEpoch, first.AddYears(-60)];
        var writer = new ResolvingStepWriter();

        for (int i = 0; i < times.Length; i++)
        {
            var e = new HistoryEvent("PassStateEntered", i + 1, i, times[i], "stateEnteredEventDetails",
                JsonObject.Create(("input", "{}"), ("name", "P")));
            new HistoryEventText(e).WriteTo(writer);

            Assert.Equal(e.ToAwsJson().ToJsonString(), Encoding.UTF8.GetString(writer.TakeEvent()));
        }
    }

    [Fact]
    public void Details_held_as_an_object_are_written_member_by_member_as_their_text()
    {
        string text = "Zoë \"q\" \\ ☃ 𝄞\n" + new string('x', 300);
        var time = new DateTimeOffset(2024, 5, 17, 10, 32, 45, 7, TimeSpan.Zero);
        HistoryEvent[] events =
        [
            new("ExecutionStarted", 1, 0, time, "executionStartedEventDetails", JsonObject.Create(
                ("input", text), ("inputDetails", JsonObject.Create(("truncated", JsonValue.False))), ("roleArn", "arn:aws:iam::1:role/r"))),
            new("TaskFailed", 2, 1, time, "taskFailedEventDetails", JsonObject.Create(("error", "Zoë.☃"), ("cause", text), ("n", 1.5), ("ké\"y", JsonValue.Null))),
            new("LambdaFunctionStarted", 3, 2, time, null, (JsonObject?)null),
            new("ExecutionSucceeded", 4, 3, time, "executionSucceededEventDetails", null),
        ];
        var writer = new ResolvingStepWriter();

        foreach (var e in events)
        {
            new HistoryEventText(e).WriteTo(writer);

            Assert.Equal(e.ToAwsJson().ToJsonString(), Encoding.UTF8.GetString(writer.TakeEvent()));
        }

        Assert.Equal(1, writer.References);
    }

    private static async Task<IReadOnlyList<HistoryEvent>> RunAsync(JsonValue input, DateTimeOffset now)
    {
        await using var engine = new StepwiseEngine(new StepwiseEngineOptions { Time = new ManualTimeProvider(now) });
        engine.RegisterLambda("echo", static (request, _) => ValueTask.FromResult(request.Input));
        engine.RegisterLambda("grow", static (request, _) => ValueTask.FromResult(request.Input is JsonObject obj
            ? obj.With("n", (obj["n"] is JsonNumber n && n.TryGetInt64(out long k) ? k : 0) + 1)
            : request.Input));
        var result = await engine.RunAsync(JsonValue.Parse(Definition), input);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        return result.History;
    }
}
