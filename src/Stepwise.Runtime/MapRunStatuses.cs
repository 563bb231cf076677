namespace Stepwise.Runtime;

/// <summary>The statuses of a map run, spelled as DescribeMapRun answers them.</summary>
public static class MapRunStatuses
{
    /// <summary>The run has items left to run.</summary>
    public const string Running = "RUNNING";

    /// <summary>Every item finished, within the tolerated failures.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>More items failed than tolerated.</summary>
    public const string Failed = "FAILED";

    /// <summary>The execution stopped while the run ran.</summary>
    public const string Aborted = "ABORTED";
}
