using Stepwise.Json;
using Stepwise.Runtime.MapRuns;

namespace Stepwise.Runtime;

/// <summary>
/// A distributed Map state started its Map Run (MapRunStarted is recorded): the host runs every item, or every batch of
/// items, as a child execution of <see cref="ChildDefinition"/>, and answers with <see cref="MapRunSucceededStimulus"/>
/// or <see cref="MapRunFailedStimulus"/> naming <see cref="MapRunArn"/>. Everything the host needs was evaluated against
/// the state's input when the run started; each child's input is built with <see cref="MapItemSelector"/> and
/// <see cref="MapItemBatcher"/>.
/// </summary>
/// <param name="MapRunArn">The run's ARN, <c>arn:aws:states:…:mapRun:&lt;machine&gt;/&lt;label or id&gt;:&lt;id&gt;</c>.</param>
/// <param name="StateName">The Map state's name.</param>
/// <param name="ChildDefinition">The ItemProcessor as a state machine of its own (StartAt, States, the parent's QueryLanguage).</param>
/// <param name="ChildType"><c>STANDARD</c> or <c>EXPRESS</c>: the ProcessorConfig's ExecutionType.</param>
/// <param name="Items">The items when they come from the state's input (after ItemsPath or Items); null with a reader.</param>
/// <param name="Reader">The evaluated ItemReader; null when the items come from the input.</param>
/// <param name="Batcher">The evaluated ItemBatcher; null when each item runs alone.</param>
/// <param name="Writer">The evaluated ResultWriter; null when the results come back as the Map's output array.</param>
/// <param name="MaxConcurrency">How many children may run at once: 1 to 10,000 (MaxConcurrency 0 means 10,000).</param>
/// <param name="ToleratedFailureCount">The failed items tolerated; -1 when unset.</param>
/// <param name="ToleratedFailurePercentage">The percentage of failed items tolerated; -1 when unset.</param>
/// <param name="ItemScope">What ItemSelector reads besides the item: the state's input, context and variables.</param>
/// <param name="RedriveCount">
/// 0 for a new run; otherwise the parent's redrive runs this same run again (MapRunRedriven, this redrive count): the
/// host keeps the children that succeeded and runs again only the others (failed, timed out, aborted, never started).
/// </param>
public sealed record StartMapRunCommand(
    string MapRunArn,
    string StateName,
    JsonObject ChildDefinition,
    string ChildType,
    JsonArray? Items,
    MapRunReader? Reader,
    MapRunBatcher? Batcher,
    MapRunWriter? Writer,
    long MaxConcurrency,
    long ToleratedFailureCount,
    double ToleratedFailurePercentage,
    MapItemScope ItemScope,
    int RedriveCount = 0) : ExecutionCommand
{
    /// <summary>AWS's quota of child executions a Map Run runs at once: MaxConcurrency 0, or more, means this many.</summary>
    public const long MaxChildConcurrency = 10_000;

    /// <summary>
    /// AWS's hard limit of redrives of one Map Run ("Redriving Map Runs": past it the redrive fails with States.Runtime).
    /// </summary>
    public const int MaxRedrives = 1_000;
}
