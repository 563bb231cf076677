namespace Stepwise.Storage.Executions;

/// <summary>
/// The JSON text of a history event that is written only when a store needs it: as a string (<see cref="ToJson"/>) for
/// a store that reads it back as one, or as UTF-8 into a step body (<see cref="WriteTo"/>). Both write the same text.
/// The dispatcher implements it over the decided event, whose payloads the events of a step share by reference.
/// </summary>
public interface IStoredEventText
{
    /// <summary>The event as compact JSON text.</summary>
    string ToJson();

    /// <summary>
    /// Writes the event as compact JSON text in UTF-8 to <paramref name="destination"/>, each long string it shares with
    /// other events of the step through <see cref="IHistoryStepWriter.TryWriteShared"/>.
    /// </summary>
    void WriteTo(IHistoryStepWriter destination);
}
