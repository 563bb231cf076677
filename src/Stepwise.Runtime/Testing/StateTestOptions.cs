using Stepwise.Json;

namespace Stepwise.Runtime.Testing;

/// <summary>What a TestState run starts from, besides the state itself.</summary>
public sealed record StateTestOptions
{
    /// <summary>The state's input; default <c>{}</c>.</summary>
    public JsonValue Input { get; init; } = JsonObject.Empty;

    /// <summary>
    /// A context object to use as <c>$$</c> (and <c>$states.context</c>) exactly as given; null for the default one, an
    /// Express execution of a generated state machine whose state is named <c>StateName</c>.
    /// </summary>
    public JsonObject? Context { get; init; }

    /// <summary>Variables the state can read, by name; null for none.</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>The execution role shown in the default context object (<c>null</c> there when absent).</summary>
    public string? RoleArn { get; init; }

    /// <summary>The region of the generated ARNs; default <c>us-east-1</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account of the generated ARNs; default <c>123456789012</c>.</summary>
    public string Account { get; init; } = "123456789012";

    /// <summary>Retries every retrier has already used (TestState's <c>retrierRetryCount</c>); default 0.</summary>
    public int RetrierRetryCount { get; init; }

    /// <summary>The mock that replaces the state's resource, iterations or branches; null to run them.</summary>
    public StateTestMock? Mock { get; init; }

    /// <summary>What a Map state's ItemReader reads (TestState's <c>mapItemReaderData</c>); null when it has none.</summary>
    public JsonValue? MapItemReaderData { get; init; }

    /// <summary>
    /// How many of a mocked Map state's iterations failed (TestState's <c>mapIterationFailureCount</c>): beyond the
    /// state's tolerated failure count or percentage, the Map fails with States.ExceedToleratedFailureThreshold.
    /// </summary>
    public int MapIterationFailureCount { get; init; }
}
