namespace Stepwise.Api.Validation;

/// <summary>
/// A Step Functions ARN taken apart: <c>arn:&lt;partition&gt;:states:&lt;region&gt;:&lt;account&gt;:&lt;type&gt;:&lt;part&gt;[:&lt;part&gt;…]</c>.
/// <see cref="Parts"/> are the colon-separated pieces after the resource type: a state machine's name (and a version
/// number or alias name), an execution's state machine and execution name, an activity's name.
/// </summary>
internal readonly record struct StatesArn(string Arn, string Partition, string Region, string Account, string ResourceType, string[] Parts)
{
    /// <summary>The ARN of the resource type and first part alone (an unqualified state machine for a version or alias ARN).</summary>
    public string Unqualified => $"arn:{Partition}:states:{Region}:{Account}:{ResourceType}:{Parts[0]}";
}
