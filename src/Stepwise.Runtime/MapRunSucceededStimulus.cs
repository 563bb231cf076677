using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>
/// The Map Run of a <see cref="StartMapRunCommand"/> finished within its tolerated failures: <paramref name="Output"/> is
/// the children's results in item order (a failed child's as <c>{"Error","Cause"}</c>), or the ResultWriter's
/// <c>{"MapRunArn","ResultWriterDetails"}</c>. An answer for a run the execution no longer waits on is ignored.
/// </summary>
public sealed record MapRunSucceededStimulus(string MapRunArn, JsonValue Output) : Stimulus;
