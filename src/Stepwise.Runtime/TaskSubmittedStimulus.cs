using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>
/// The host made a <c>.waitForTaskToken</c> integration's call (sent the SQS message, published to SNS…) and the task now
/// waits for its token: recorded as <c>TaskSubmitted</c> with the service's response as <paramref name="Output"/>.
/// </summary>
public sealed record TaskSubmittedStimulus(long TaskId, JsonValue Output) : Stimulus;
