using System.Collections.Immutable;
using Stepwise.Json;

namespace Stepwise.Definition.Choice;

/// <summary>Matches when every one of <see cref="Rules"/> matches; evaluated left to right, stopping at the first miss.</summary>
public sealed class AndChoiceRule : ChoiceRule
{
    internal AndChoiceRule(ImmutableArray<ChoiceRule> rules, string? next, JsonValue? assign)
        : base(next, assign) => Rules = rules;

    /// <summary>The nested rules (at least one).</summary>
    public ImmutableArray<ChoiceRule> Rules { get; }
}
