using Stepwise.Runtime.Decisions;

namespace Stepwise.Runtime.Tests.Errors;

public sealed class ErrorMatcherTests
{
    [Theory]
    [InlineData("States.ALL", "Anything", true)]
    [InlineData("States.ALL", "States.Timeout", true)]
    [InlineData("States.TaskFailed", "Lambda.ServiceException", true)]
    [InlineData("States.TaskFailed", "States.Timeout", false)]
    [InlineData("MyError", "MyError", true)]
    [InlineData("MyError", "myerror", false)]
    [InlineData("State.ALL", "MyError", false)]
    public void ErrorEquals_matches_names_and_AWS_wildcards(string name, string error, bool expected)
    {
        Assert.Equal(expected, ErrorMatcher.Matches([name], error));
    }

    [Fact]
    public void Only_States_Runtime_is_terminal()
    {
        Assert.True(ErrorMatcher.IsTerminal("States.Runtime"));
        Assert.False(ErrorMatcher.IsTerminal("States.DataLimitExceeded"));
        Assert.False(ErrorMatcher.IsTerminal("States.Timeout"));
    }
}
