using Stepwise.Definition.Model;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Testing;

namespace Stepwise.Runtime.Decisions;

internal sealed partial class Stepper
{
    /// <summary>
    /// In a TestState run with a mock, a Map or Parallel state takes the mock instead of running its iterations or
    /// branches: the mocked results go through ResultSelector, ResultPath and OutputPath (or Output) as the children's
    /// would; a mocked error, or more failed iterations than the Map tolerates, fails the state. False outside such a run.
    /// </summary>
    private bool TryMockFanOut(Frame frame, State state)
    {
        if (Inspector?.Options.Mock is not { } mock)
        {
            return false;
        }

        var fan = frame.FanOut!;
        if (state is MapState)
        {
            Inspector.Data.MaxConcurrency = fan.MaxConcurrency;
            Inspector.Data.ToleratedFailureCount = fan.ToleratedFailureCount >= 0 ? fan.ToleratedFailureCount : null;
            Inspector.Data.ToleratedFailurePercentage = fan.ToleratedFailurePercentage >= 0 ? fan.ToleratedFailurePercentage : null;
        }

        // A Map with a ResultWriter returns the writer's description, an object, instead of the results.
        if (mock.Result is not null && !IsToleranceExceeded(fan, Inspector.Options.MapIterationFailureCount))
        {
            FinishFanOut(frame, state, mock.Result);
            return true;
        }

        frame.FanOut = null;
        frame.Phase = FramePhase.Executing;
        if (mock.Result is null)
        {
            StateFailed(frame, state, mock.Error, mock.Cause);
        }
        else
        {
            StateFailed(frame, state, StatesErrors.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded");
        }

        return true;
    }

    /// <summary>
    /// In a TestState run, what a Map state's ItemReader reads: the caller's <c>mapItemReaderData</c>, since the run
    /// reads no bucket. Null outside such a run, or for a Map without an ItemReader.
    /// </summary>
    private JsonValue? ItemReaderDataInTest(MapState state) =>
        state.ItemReader is not null ? Inspector?.Options.MapItemReaderData : null;

    /// <summary>Only a Map with ToleratedFailureCount or ToleratedFailurePercentage counts failed iterations against them.</summary>
    private static bool IsToleranceExceeded(FanOut fan, int failures)
    {
        if (failures == 0)
        {
            return false;
        }

        bool overCount = fan.ToleratedFailureCount >= 0 && failures > fan.ToleratedFailureCount;
        bool overPercentage = fan.ToleratedFailurePercentage >= 0 && fan.Items.Length > 0
            && failures * 100.0 / fan.Items.Length > fan.ToleratedFailurePercentage;
        return overCount || overPercentage;
    }
}
