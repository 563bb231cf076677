namespace Stepwise.Integrations.Items;

/// <summary>Opens the export of a distributed Map's child results (S3, or files under the operator's local root).</summary>
public interface IResultSink
{
    /// <summary>Starts a session that receives each child execution's result as it finishes.</summary>
    /// <exception cref="ResultWriterFailedException">The destination is unusable; the message is AWS's cause.</exception>
    ValueTask<IResultWriterSession> OpenAsync(ResultWriterRequest request, CancellationToken ct);
}
