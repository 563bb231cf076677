using System.Collections.Immutable;
using Stepwise.Json;

namespace Stepwise.Definition.Choice;

/// <summary>
/// One JSONPath choice rule of a Choice state: a boolean expression (<see cref="AndChoiceRule"/>,
/// <see cref="OrChoiceRule"/>, <see cref="NotChoiceRule"/>) or a data-test expression (<see cref="ComparisonChoiceRule"/>).
/// Rules are immutable and parsed once: paths, timestamps and <c>StringMatches</c> patterns are compiled when read.
/// </summary>
public abstract class ChoiceRule
{
    private protected ChoiceRule(string? next, JsonValue? assign)
    {
        Next = next;
        Assign = assign;
    }

    /// <summary>The state to go to when the rule matches. Set on the top-level rules of <c>Choices</c> only.</summary>
    public string? Next { get; }

    /// <summary>
    /// The rule's <c>Assign</c> block as written (top-level rules only; null when absent): the variables to set when the
    /// rule is the one that matched. The state that owns the rule compiles and applies it.
    /// </summary>
    public JsonValue? Assign { get; }

    /// <summary>
    /// Reads one top-level element of a Choice state's <c>Choices</c> array (with its <c>Next</c>). The rule is expected
    /// to have passed validation; anything it cannot model raises a <see cref="FormatException"/> whose message names the
    /// offending field by its JSON Pointer inside the rule.
    /// </summary>
    /// <exception cref="FormatException">The rule is not a valid JSONPath choice rule.</exception>
    public static ChoiceRule Read(JsonObject rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ChoiceRuleReader.ReadTopLevel(rule);
    }

    /// <summary>
    /// Reads a Choice state's whole <c>Choices</c> array, in order. Error messages locate the offending field from the
    /// array (<c>/1/And/0/Variable</c>).
    /// </summary>
    /// <exception cref="FormatException">The array is empty, or one of its elements is not a valid JSONPath choice rule.</exception>
    public static ImmutableArray<ChoiceRule> ReadAll(JsonArray choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return ChoiceRuleReader.ReadTopLevelList(choices);
    }
}
