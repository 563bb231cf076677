using Stepwise.Hosting;
using Stepwise.Integrations;
using Stepwise.Json;

namespace Stepwise.Runtime.Tests.TestSupport;

/// <summary>Engines on a virtual clock (FastTime) with a fixed seed, so no test sleeps and runs are reproducible.</summary>
internal static class Engines
{
    public static StepwiseEngine Create(MockConfiguration? mocks = null) => new(new StepwiseEngineOptions
    {
        FastTime = true,
        RandomSeed = 42,
        Time = new FixedTimeProvider(Asl.Start),
        Mocks = mocks,
    });

    public static async Task<ExecutionResult> RunAsync(string definition, string input = "{}", Action<StepwiseEngine>? setup = null, RunOptions? options = null)
    {
        await using var engine = Create();
        setup?.Invoke(engine);
        return await engine.RunAsync(Asl.Json(definition), Asl.Json(input), options ?? new RunOptions { ExecutionName = "exec" });
    }

    public static string OutputText(ExecutionResult result) => result.Output?.ToJsonString() ?? "<none>";
}
