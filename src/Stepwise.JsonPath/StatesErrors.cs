namespace Stepwise.JsonPath;

/// <summary>The predefined <c>States.*</c> error names of the Amazon States Language.</summary>
public static class StatesErrors
{
    /// <summary>Matches any error name in a Retrier or Catcher (except <see cref="DataLimitExceeded"/> and <see cref="Runtime"/> in retriers).</summary>
    public const string All = "States.ALL";

    /// <summary>An execution failed because of an exception it could not handle (most path and template failures).</summary>
    public const string Runtime = "States.Runtime";

    public const string TaskFailed = "States.TaskFailed";

    public const string Timeout = "States.Timeout";

    public const string HeartbeatTimeout = "States.HeartbeatTimeout";

    public const string Permissions = "States.Permissions";

    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";

    public const string ParameterPathFailure = "States.ParameterPathFailure";

    public const string BranchFailed = "States.BranchFailed";

    public const string NoChoiceMatched = "States.NoChoiceMatched";

    public const string IntrinsicFailure = "States.IntrinsicFailure";

    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";

    public const string ItemReaderFailed = "States.ItemReaderFailed";

    public const string ResultWriterFailed = "States.ResultWriterFailed";

    public const string DataLimitExceeded = "States.DataLimitExceeded";

    public const string QueryEvaluationError = "States.QueryEvaluationError";
}
