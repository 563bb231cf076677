using Stepwise.Json;

namespace Stepwise.Definition.Choice;

/// <summary>Matches when <see cref="Rule"/> does not. A runtime error inside <see cref="Rule"/> stays an error.</summary>
public sealed class NotChoiceRule : ChoiceRule
{
    internal NotChoiceRule(ChoiceRule rule, string? next, JsonValue? assign)
        : base(next, assign) => Rule = rule;

    /// <summary>The negated rule.</summary>
    public ChoiceRule Rule { get; }
}
