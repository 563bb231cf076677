using Stepwise.Json;

namespace Stepwise.Integrations.Items;

/// <summary>One Map Run's export: results arrive in any order, then <see cref="CompleteAsync"/> writes the manifest.</summary>
public interface IResultWriterSession : IAsyncDisposable
{
    /// <summary>Records one finished child execution; may buffer and flush files in batches.</summary>
    /// <exception cref="ResultWriterFailedException">A file could not be written.</exception>
    ValueTask WriteAsync(ChildExecutionResult result, CancellationToken ct);

    /// <summary>
    /// Flushes the remaining results, writes <c>manifest.json</c>, and returns the Map state's result:
    /// <c>{"MapRunArn":…,"ResultWriterDetails":{"Bucket":…,"Key":…}}</c>.
    /// </summary>
    /// <exception cref="ResultWriterFailedException">A file could not be written.</exception>
    ValueTask<JsonValue> CompleteAsync(CancellationToken ct);
}
