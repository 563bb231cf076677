using Stepwise.Json;

namespace Stepwise.Json.Tests;

/// <summary>The writer's per-thread builders and its remembered escape, seen from the texts and allocations they give.</summary>
public sealed class JsonWriterReuseTests
{
    private static readonly JsonObject s_payload = JsonValue.Parse(
        "{\"orderId\":\"ord-7f3a9c2e\",\"customer\":{\"name\":\"Ada \\\"the Countess\\\" Lovelace\",\"tier\":\"gold\"},"
        + "\"items\":[{\"sku\":\"SKU-0001\",\"qty\":2,\"price\":3.5},{\"sku\":\"SKU-0002\",\"qty\":1,\"price\":12.25}],"
        + "\"notes\":\"line one\\nline two\\ttabbed \\\\ backslash\",\"flags\":[true,false,null]}").AsObject();

    [Fact]
    public void An_event_whose_payload_text_is_written_while_the_event_is_allocates_little_more_than_the_two_texts()
    {
        // The payload's text is written nested in its event's (JsonString.TextOf), as a history event with lazy details
        // is; both writes reuse the thread's builders once they have grown.
        var payload = s_payload;
        for (int i = 0; i < 20; i++)
        {
            payload = payload.With("seen", i);
            _ = Event(payload).ToJsonString(JsonLayout.Compact);
        }

        payload = payload.With("seen", 20);
        var holder = Event(payload);
        long before = GC.GetAllocatedBytesForCurrentThread();
        string text = holder.ToJsonString(JsonLayout.Compact);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Each string costs two bytes a character; a fresh builder growing chunk by chunk would cost as much again.
        long texts = 2L * (text.Length + payload.ToJsonString().Length);
        Assert.True(allocated < texts * 3 / 2, $"allocated {allocated} bytes for {texts} bytes of text");
    }

    [Fact]
    public void A_long_string_written_again_gives_the_same_text_as_writing_it_afresh()
    {
        var payload = s_payload.With("padding", new string('x', 300));
        var text = JsonString.TextOf(payload);

        // The first write remembers the escaped text; the others append it from there, at other offsets.
        string first = Event(text).ToJsonString(JsonLayout.Compact);
        string second = new JsonObjectBuilder(2).Set("id", 12345).Set("input", text).ToObject().ToJsonString(JsonLayout.Compact);
        string nested = JsonArray.Create(1, new JsonObjectBuilder(1).Set("p", text).ToObject()).ToJsonString(JsonLayout.Compact);

        // A different instance with the same characters is escaped on its own.
        var afresh = new JsonString(payload.ToJsonString());
        Assert.Equal(Event(afresh).ToJsonString(JsonLayout.Compact), first);
        Assert.Equal(new JsonObjectBuilder(2).Set("id", 12345).Set("input", afresh).ToObject().ToJsonString(JsonLayout.Compact), second);
        Assert.Equal("[1,{\"p\":" + afresh.ToJsonString() + "}]", nested);
        Assert.Equal(payload, JsonValue.Parse(JsonValue.Parse(second).AsObject()["input"]!.AsString()));
    }

    private static JsonObject Event(JsonObject payload) => Event(JsonString.TextOf(payload));

    private static JsonObject Event(JsonString payloadText)
    {
        var details = new JsonObjectBuilder(3)
            .Set("name", "T01")
            .Set("output", payloadText)
            .Set("outputDetails", new JsonObjectBuilder(1).Set("truncated", false).ToObject())
            .ToObject();
        return new JsonObjectBuilder(5)
            .Set("timestamp", 1)
            .Set("type", "TaskStateExited")
            .Set("id", 7)
            .Set("previousEventId", 6)
            .Set("stateExitedEventDetails", details)
            .ToObject();
    }
}
