using Stepwise.JsonPath;

namespace Stepwise.Runtime.Decisions;

/// <summary>How a Retrier's or Catcher's <c>ErrorEquals</c> matches an error name, with AWS's wildcards.</summary>
internal static class ErrorMatcher
{
    /// <summary>
    /// True when <paramref name="errorEquals"/> matches <paramref name="error"/>: an exact name, <c>States.ALL</c>
    /// (any error), or <c>States.TaskFailed</c> (any error except <c>States.Timeout</c>, per the ASL error docs).
    /// </summary>
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        for (int i = 0; i < errorEquals.Count; i++)
        {
            string name = errorEquals[i];
            if (name == error || name == StatesErrors.All)
            {
                return true;
            }

            if (name == StatesErrors.TaskFailed && error != StatesErrors.Timeout)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// States.Runtime ends the execution: no retrier or catcher handles it (the corpus's
    /// <c>test_catch_states_runtime</c> shows a States.Runtime catcher being ignored). A task result over the size
    /// limit, by contrast, is an ordinary States.DataLimitExceeded task failure that States.ALL catches.
    /// </summary>
    public static bool IsTerminal(string error) => error == StatesErrors.Runtime;
}
