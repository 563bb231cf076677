namespace Stepwise.Runtime;

/// <summary>
/// UpdateMapRun was called on a running map run: the given limits replace the run's, and the iterations started from
/// now on obey them (a higher MaxConcurrency starts queued items at once). A null member keeps the run's value. The
/// host checks that the run exists and runs; Decide throws <see cref="InvalidOperationException"/> for a run the
/// snapshot does not have running.
/// </summary>
/// <param name="MapRunArn">The run to update.</param>
/// <param name="MaxConcurrency">The new MaxConcurrency (0 = no limit), or null.</param>
/// <param name="ToleratedFailureCount">The new ToleratedFailureCount, or null.</param>
/// <param name="ToleratedFailurePercentage">The new ToleratedFailurePercentage, or null.</param>
public sealed record MapRunUpdateRequestedStimulus(string MapRunArn, long? MaxConcurrency = null, long? ToleratedFailureCount = null,
    double? ToleratedFailurePercentage = null) : Stimulus;
