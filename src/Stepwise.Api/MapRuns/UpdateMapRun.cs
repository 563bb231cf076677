namespace Stepwise.Api.MapRuns;

/// <summary>The <c>UpdateMapRun</c> request: a running map run's new limits (absent members keep theirs).</summary>
public sealed record UpdateMapRunRequest(
    string? MapRunArn = null, int? MaxConcurrency = null, long? ToleratedFailureCount = null, double? ToleratedFailurePercentage = null);
