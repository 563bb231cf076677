using Stepwise.Json;
using Stepwise.Runtime.Tests.TestSupport;
using Xunit;

namespace Stepwise.Runtime.Tests.Jsonata;

/// <summary>The functions Step Functions adds to JSONata, run inside a state.</summary>
public sealed class AwsFunctionTests
{
    private static async Task<string> OutputOfAsync(string expression, string input = "{}", int seed = 42)
    {
        await using var engine = new Stepwise.Hosting.StepwiseEngine(new Stepwise.Hosting.StepwiseEngineOptions
        {
            FastTime = true,
            RandomSeed = seed,
            Time = new FixedTimeProvider(Asl.Start),
        });
        var definition = new JsonObjectBuilder()
            .Set("QueryLanguage", "JSONata")
            .Set("StartAt", "A")
            .Set("States", JsonObject.Create(("A", JsonObject.Create(("Type", (JsonValue)"Pass"), ("Output", (JsonValue)("{% " + expression + " %}")), ("End", JsonValue.True)))))
            .ToObject();
        var result = await engine.RunAsync(definition, JsonValue.Parse(input));
        return result.Output?.ToJsonString() ?? result.Error + ": " + result.Cause;
    }

    [Theory]
    [InlineData("$partition([1,2,3,4,5], 2)", "[[1,2],[3,4],[5]]")]
    [InlineData("$partition([1,2], 5)", "[[1,2]]")]
    [InlineData("$range(0, 10, 3)", "[0,3,6,9]")]
    [InlineData("$range(5, 1, -2)", "[5,3,1]")]
    [InlineData("$range(1, 9, 9)", "1")]
    [InlineData("$hash('abc', 'MD5')", "\"900150983cd24fb0d6963f7d28e17f72\"")]
    [InlineData("$hash('abc', 'SHA-1')", "\"a9993e364706816aba3e25717850c26c9cd0d89d\"")]
    [InlineData("$hash('abc', 'SHA-256')", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")]
    [InlineData("$parse('{\"a\":[1,true]}')", "{\"a\":[1,true]}")]
    [InlineData("$parse('-0')", "0")]
    public async Task The_AWS_functions_compute_what_AWS_documents(string expression, string expected)
    {
        Assert.Equal(expected, await OutputOfAsync(expression));
    }

    [Fact]
    public async Task Eval_is_not_available()
    {
        Assert.StartsWith("States.QueryEvaluationError", await OutputOfAsync("$eval('1')"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_and_uuid_come_from_the_execution_seed()
    {
        string first = await OutputOfAsync("[$random(), $uuid()]", seed: 7);
        string again = await OutputOfAsync("[$random(), $uuid()]", seed: 7);
        string other = await OutputOfAsync("[$random(), $uuid()]", seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Matches("^\\[0\\.\\d+,\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"\\]$", first);
    }

    [Fact]
    public async Task A_seeded_random_repeats_for_the_same_seed()
    {
        string output = await OutputOfAsync("$random(3) = $random(3)");

        Assert.Equal("true", output);
    }

    [Fact]
    public async Task An_unknown_hash_algorithm_is_a_query_evaluation_error()
    {
        Assert.StartsWith("States.QueryEvaluationError", await OutputOfAsync("$hash('abc', 'SHA-3')"), StringComparison.Ordinal);
    }
}
