using Stepwise.Definition.Choice;

namespace Stepwise.Definition.Tests.Choice;

public sealed class StringMatchPatternTests
{
    [Theory]
    [InlineData("log-*.txt", "log-2024.txt", true)]
    [InlineData("log-*.txt", "log-.txt", true)]
    [InlineData("log-*.txt", "log-2024.txt.bak", false)]
    [InlineData("log-*.txt", "xlog-1.txt", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything at all", true)]
    [InlineData("**", "x", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "ABC", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("*ab", "aab", true)]
    [InlineData("ab*", "a", false)]
    [InlineData("*aa*aa*", "aaa", false)]
    [InlineData("*aa*aa*", "aaaa", true)]
    [InlineData("a*a", "a", false)]
    [InlineData("a*a", "aa", true)]
    public void Star_matches_any_run_of_characters_and_the_pattern_covers_the_whole_string(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, StringMatchPattern.Compile(pattern).IsMatch(text));
    }

    [Theory]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData(@"a\\b", @"a\b", true)]
    [InlineData(@"a\\*", @"a\anything", true)]
    [InlineData(@"a\\*", "a", false)]
    [InlineData(@"\**", "*star", true)]
    [InlineData(@"\**", "star", false)]
    [InlineData(@"a\", @"a\", true)]
    public void Backslash_escapes_a_star_or_a_backslash_into_a_literal(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, StringMatchPattern.Compile(pattern).IsMatch(text));
    }

    [Fact]
    public void Compiled_pattern_keeps_the_text_it_was_written_with()
    {
        Assert.Equal(@"a\*b*", StringMatchPattern.Compile(@"a\*b*").Pattern);
    }
}
