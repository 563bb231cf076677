using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Runtime.Variables;

/// <summary>
/// AWS's size limits on variables (Step Functions quotas, "Passing data between states with variables"): 256 KiB for
/// one variable, 256 KiB for all the values one <c>Assign</c> sets together, 10 MiB for all variables of an execution.
/// Sizes are UTF-8 bytes of the values' JSON text.
/// </summary>
internal static class VariableLimits
{
    /// <summary>The largest value one variable may hold, in UTF-8 bytes.</summary>
    public const int MaxVariableBytes = 256 * 1024;

    /// <summary>The largest total one Assign may set, in UTF-8 bytes.</summary>
    public const int MaxAssignBytes = 256 * 1024;

    /// <summary>The largest total of all variables of an execution, in UTF-8 bytes.</summary>
    public const long MaxExecutionBytes = 10L * 1024 * 1024;

    /// <summary>
    /// Checks <paramref name="assigned"/> against the limits, given the scope it is about to be written to; false
    /// with a <see cref="StatesErrors.DataLimitExceeded"/> error naming the state when one is exceeded.
    /// </summary>
    public static bool TryCheck(string stateName, VariableScope scope, JsonObject assigned, out AslError error)
    {
        long total = 0;
        foreach (var (name, value) in assigned)
        {
            int size = value.GetUtf8Size();
            if (size > MaxVariableBytes)
            {
                error = new AslError(StatesErrors.DataLimitExceeded,
                    $"The variable '{name}' assigned by the state '{stateName}' has a size exceeding the maximum number of bytes service limit.");
                return false;
            }

            total += size;
        }

        if (total > MaxAssignBytes)
        {
            error = new AslError(StatesErrors.DataLimitExceeded,
                $"The variables assigned by the state '{stateName}' have a combined size exceeding the maximum number of bytes service limit.");
            return false;
        }

        // The scope after the assignment, measured without building it: replaced values free their old size.
        if (scope.TotalBytes - scope.OwnBytesReplacedBy(assigned) + total > MaxExecutionBytes)
        {
            error = new AslError(StatesErrors.DataLimitExceeded,
                $"The variables of the execution would exceed the maximum number of bytes service limit after the state '{stateName}' assigns them.");
            return false;
        }

        error = default;
        return true;
    }
}
