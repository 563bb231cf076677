using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>Streams the items of a distributed Map's <c>ItemReader</c> (S3 objects, or files under the operator's local root).</summary>
public interface IItemSource
{
    /// <summary>
    /// Yields the items in the order AWS reads them, never holding the whole source in memory, stopping after
    /// <c>ReaderConfig.MaxItems</c> items when it is set.
    /// </summary>
    /// <exception cref="ItemReaderFailedException">The source is missing, unreadable or malformed; the message is AWS's cause.</exception>
    IAsyncEnumerable<JsonValue> ReadAsync(ItemReaderRequest request, CancellationToken ct);
}
