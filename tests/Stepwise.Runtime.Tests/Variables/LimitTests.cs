using Stepwise.Hosting;
using Stepwise.Json;
using Stepwise.JsonPath;
using Stepwise.Runtime.Tests.TestSupport;
using Stepwise.Runtime.Variables;

namespace Stepwise.Runtime.Tests.Variables;

public sealed class LimitTests
{
    /// <summary>An input holding a 140,000-character string: under the payload limit, over it twice.</summary>
    private static readonly string LargeInput = "{'s':'" + new string('x', 140_000) + "'}";

    private static JsonObject Assigned(params (string Name, int Bytes)[] values)
    {
        var builder = new JsonObjectBuilder(values.Length);
        foreach (var (name, bytes) in values)
        {
            // A JSON string of n characters measures n + 2 bytes (its quotes).
            builder.Set(name, new string('x', bytes - 2));
        }

        return builder.ToObject();
    }

    [Fact]
    public void A_variable_of_exactly_256_KiB_is_accepted_and_one_byte_more_is_not()
    {
        Assert.True(VariableLimits.TryCheck("S", VariableScope.Empty, Assigned(("v", VariableLimits.MaxVariableBytes)), out _));
        Assert.False(VariableLimits.TryCheck("S", VariableScope.Empty, Assigned(("v", VariableLimits.MaxVariableBytes + 1)), out var error));
        Assert.Equal(StatesErrors.DataLimitExceeded, error.Error);
        Assert.Contains("'v'", error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void One_Assign_may_not_set_more_than_256_KiB_in_total()
    {
        int half = VariableLimits.MaxAssignBytes / 2;
        Assert.True(VariableLimits.TryCheck("S", VariableScope.Empty, Assigned(("a", half), ("b", half)), out _));
        Assert.False(VariableLimits.TryCheck("S", VariableScope.Empty, Assigned(("a", half), ("b", half + 1)), out var error));
        Assert.Equal(StatesErrors.DataLimitExceeded, error.Error);
    }

    [Fact]
    public void The_variables_of_an_execution_may_not_exceed_10_MiB()
    {
        var scope = VariableScope.Empty;
        int chunk = VariableLimits.MaxVariableBytes;
        int i = 0;
        while (scope.TotalBytes + chunk <= VariableLimits.MaxExecutionBytes)
        {
            var next = Assigned(("v" + i++, chunk));
            Assert.True(VariableLimits.TryCheck("S", scope, next, out _));
            scope = scope.With(next);
        }

        Assert.False(VariableLimits.TryCheck("S", scope, Assigned(("more", chunk)), out var error));
        Assert.Equal(StatesErrors.DataLimitExceeded, error.Error);

        // Replacing a variable frees its old size, so overwriting stays within the limit.
        Assert.True(VariableLimits.TryCheck("S", scope, Assigned(("v0", chunk)), out _));
    }

    [Fact]
    public async Task An_oversized_variable_fails_the_state_with_States_DataLimitExceeded()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'A','States':{
              'A':{'Type':'Pass','Assign':{'big.$':'States.Array($.s, $.s)'},'End':true}}}
            """, LargeInput);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrors.DataLimitExceeded, result.Error);
        Assert.DoesNotContain(result.History, e => e.Type == "PassStateExited");
    }

    [Fact]
    public async Task A_catcher_whose_Assign_is_oversized_fails_the_execution_instead_of_catching_again()
    {
        var result = await Engines.RunAsync("""
            {'StartAt':'P','States':{
              'P':{'Type':'Parallel','End':true,'Branches':[{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Boom'}}}],
                'Catch':[{'ErrorEquals':['States.ALL'],'Assign':{'big.$':'$$.Execution.Input.s','again.$':'$$.Execution.Input.s'},'Next':'P'}]}}}
            """, LargeInput);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrors.DataLimitExceeded, result.Error);
    }
}
