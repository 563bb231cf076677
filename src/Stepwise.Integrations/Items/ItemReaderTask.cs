using Stepwise.Integrations.Configuration;
using Stepwise.Json;
using Stepwise.JsonPath;

namespace Stepwise.Integrations.Items;

/// <summary>
/// A distributed Map's ItemReader as the interpreter asks for it: an invocation of the reader's resource
/// (<c>arn:aws:states:::s3:getObject</c> or <c>…:s3:listObjectsV2</c>, resources only an ItemReader names) whose input is
/// <c>{"Arguments": …, "ReaderConfig": …}</c>; the outcome is every item in one JSON array, or
/// <c>States.ItemReaderFailed</c> with AWS's cause.
/// </summary>
internal static class ItemReaderTask
{
    public static bool IsReader(string resource) =>
        resource.StartsWith("arn:", StringComparison.Ordinal)
        && (resource.EndsWith(":states:::s3:getObject", StringComparison.Ordinal) || resource.EndsWith(":states:::s3:listObjectsV2", StringComparison.Ordinal));

    public static async ValueTask<TaskOutcome> ReadAsync(IntegrationsConfiguration configuration, TimeProvider time, TaskInvocation invocation,
        CancellationToken cancellationToken)
    {
        var input = invocation.Parameters as JsonObject;
        var request = new ItemReaderRequest(invocation.Resource,
            input?["Arguments"] as JsonObject ?? JsonObject.Empty,
            input?["ReaderConfig"] as JsonObject ?? JsonObject.Empty);
        var source = ItemIO.CreateItemSource(configuration, invocation.Region, time);
        var items = new List<JsonValue>();
        try
        {
            await foreach (var item in source.ReadAsync(request, cancellationToken).ConfigureAwait(false))
            {
                items.Add(item);
            }
        }
        catch (ItemReaderFailedException e)
        {
            return TaskOutcome.Failure(StatesErrors.ItemReaderFailed, e.Message);
        }

        return TaskOutcome.Success(JsonArray.TakeOwnership(items.ToArray()));
    }
}
