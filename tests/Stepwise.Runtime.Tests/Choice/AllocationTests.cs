using Stepwise.Definition.Choice;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Choice;

namespace Stepwise.Runtime.Tests.Choice;

public sealed class AllocationTests
{
    private const int Iterations = 1000;

    [Theory]
    [InlineData("""{"Variable":"$.n","NumericGreaterThanEquals":20}""")]
    [InlineData("""{"Variable":"$.s","StringMatches":"log-*.t*t"}""")]
    [InlineData("""{"Variable":"$.s","StringLessThanPath":"$.t"}""")]
    [InlineData("""{"And":[{"Variable":"$.n","IsNumeric":true},{"Not":{"Variable":"$.b","BooleanEquals":false}}]}""")]
    [InlineData("""{"Or":[{"Variable":"$.s","StringEquals":"x"},{"Variable":"$.missing","IsPresent":false}]}""")]
    public void Evaluation_allocates_nothing_beyond_what_path_evaluation_allocates(string ruleJson)
    {
        var rule = Rules.Read(ruleJson);
        var scope = new PathScope(JsonValue.Parse("""{"n":25,"s":"log-1.txt","t":"m","b":true}"""), JsonObject.Empty);
        var paths = new List<AslPath>();
        CollectPaths(rule, paths);

        // Warm up both, so one-time initialisation (static tables, lazy indexes) is not counted.
        Evaluate(rule, scope, 1);
        EvaluatePaths(paths, scope, 1);

        long before = GC.GetAllocatedBytesForCurrentThread();
        EvaluatePaths(paths, scope, Iterations);
        long pathBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        Evaluate(rule, scope, Iterations);
        long ruleBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(ruleBytes <= pathBytes, $"Rule evaluation allocated {ruleBytes} bytes; its paths alone allocate {pathBytes}.");
    }

    private static void Evaluate(ChoiceRule rule, in PathScope scope, int times)
    {
        for (int i = 0; i < times; i++)
        {
            Assert.True(ChoiceEvaluator.TryMatch(rule, scope, out _, out _));
        }
    }

    private static void EvaluatePaths(List<AslPath> paths, in PathScope scope, int times)
    {
        for (int i = 0; i < times; i++)
        {
            foreach (var path in paths)
            {
                path.TryEvaluate(scope, out _, out _);
            }
        }
    }

    private static void CollectPaths(ChoiceRule rule, List<AslPath> paths)
    {
        switch (rule)
        {
            case ComparisonChoiceRule comparison:
                paths.Add(comparison.Variable);
                if (comparison.OperandPath is { } operandPath)
                {
                    paths.Add(operandPath);
                }

                break;
            case AndChoiceRule and:
                foreach (var inner in and.Rules)
                {
                    CollectPaths(inner, paths);
                }

                break;
            case OrChoiceRule or:
                foreach (var inner in or.Rules)
                {
                    CollectPaths(inner, paths);
                }

                break;
            case NotChoiceRule not:
                CollectPaths(not.Rule, paths);
                break;
        }
    }
}
