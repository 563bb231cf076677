using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.Runtime;

namespace Stepwise.Hosting.MapRuns;

/// <summary>One child execution a Map Run starts: one item, or one batch of items.</summary>
/// <param name="MapRunArn">The run.</param>
/// <param name="Index">The child's position in the run (0, 1, …), which orders the run's output.</param>
/// <param name="Info">The child's identity (ARN and name as AWS forms them, its state machine, its input).</param>
/// <param name="Definition">The ItemProcessor as the child's state machine.</param>
/// <param name="IsExpress">True for an EXPRESS child, false for a STANDARD one.</param>
internal sealed record MapRunChild(string MapRunArn, long Index, ExecutionInfo Info, StateMachine Definition, bool IsExpress)
{
    /// <summary>The child's input.</summary>
    public JsonValue Input => Info.Input;
}
