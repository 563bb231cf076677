using Stepwise.Json;

namespace Stepwise.Runtime;

/// <summary>
/// The details of a history event, built only when someone reads <see cref="HistoryEvent.Details"/>. An in-memory
/// (Express) run records every event but usually reads none of their details, as AWS's Express workflows log them only
/// at the ALL level; building each event's details object eagerly was a large share of a transition's cost. The
/// values the details are made of are immutable, so building them later gives the same object.
/// </summary>
internal abstract class LazyEventDetails
{
    /// <summary>Builds the details object (called at most once per event, barring a benign race).</summary>
    public abstract JsonObject Build();
}
