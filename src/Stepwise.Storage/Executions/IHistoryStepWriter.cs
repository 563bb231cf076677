using System.Buffers;

namespace Stepwise.Storage.Executions;

/// <summary>
/// Where a provider takes the UTF-8 JSON text of one event of a step (<see cref="IStoredEventText.WriteTo"/>). Besides
/// plain bytes it takes <em>shared</em> parts: the events of a step repeat the same payload (a Task's input is its
/// entered event's input and its scheduled event's parameters; its result is its succeeded event's output, its exited
/// event's output and the next state's input), so a part identified by the same object as one written shortly before
/// is referenced instead of written again (a provider may write a part again rather than look far back). What an event
/// reads back is its whole text either way.
/// </summary>
public interface IHistoryStepWriter : IBufferWriter<byte>
{
    /// <summary>
    /// Appends the part identified by <paramref name="key"/> (compared by reference) when the step already holds it and
    /// returns true; otherwise returns false, and the caller writes the part between <see cref="BeginShared"/> and
    /// <see cref="EndShared"/>.
    /// </summary>
    bool TryWriteShared(object key);

    /// <summary>Starts the part identified by <paramref name="key"/>: what is written until <see cref="EndShared"/> is that part.</summary>
    void BeginShared(object key);

    /// <summary>The key of the part defined last in the step (by <see cref="BeginShared"/> or <see cref="BeginDerived"/>); null before the first.</summary>
    object? LastSharedKey { get; }

    /// <summary>The length in bytes of the part <see cref="LastSharedKey"/> identifies.</summary>
    int LastSharedLength { get; }

    /// <summary>
    /// Starts the part identified by <paramref name="key"/> as a variant of the part <see cref="LastSharedKey"/>
    /// identifies: the first <paramref name="prefixLength"/> bytes of that part, then what is written until
    /// <see cref="EndShared"/>, then its last <paramref name="suffixLength"/> bytes. A step's payloads often differ from the
    /// one before in a field or two (a Task's result is its input with a field changed), so the step holds only the change.
    /// </summary>
    /// <exception cref="InvalidOperationException">The step defines no part yet.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The prefix and suffix are negative or longer together than the part.</exception>
    void BeginDerived(object key, int prefixLength, int suffixLength);

    /// <summary>Ends the part <see cref="BeginShared"/> or <see cref="BeginDerived"/> started.</summary>
    void EndShared();
}
