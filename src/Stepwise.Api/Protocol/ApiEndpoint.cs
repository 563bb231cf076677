using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Stepwise.Api.Protocol;

/// <summary>
/// The AWS JSON 1.0 endpoint: <c>POST /</c> with <c>X-Amz-Target: AWSStepFunctions.&lt;Action&gt;</c> and a JSON body;
/// answers <c>application/x-amz-json-1.0</c>, errors as <c>{"__type", "message"}</c> (see <see cref="ApiErrors"/>).
/// Any Host header is accepted, so the SDKs' <c>sync-</c> host prefix for StartSyncExecution and TestState needs no
/// special routing here.
/// </summary>
internal sealed class ApiEndpoint(ApiCatalog catalog, ApiContext context, ILogger<ApiEndpoint> logger)
{
    internal const string TargetPrefix = "AWSStepFunctions.";
    internal const string ContentType = "application/x-amz-json-1.0";

    /// <summary>The largest request body read: a 256 KiB input escaped in JSON, with room for the other members.</summary>
    internal const int MaxBodyBytes = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        byte[] response;
        int status = StatusCodes.Status200OK;
        try
        {
            string action = ActionOf(http.Request);
            if (!catalog.TryGet(action, out var handler))
            {
                throw new ApiException(ApiErrorTypes.UnknownOperation, $"The action '{action}' is not valid for this web service.");
            }

            var body = await ReadBodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
            response = await handler(context, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ApiErrors.TryTranslate(e, out var error))
        {
            if (error.StatusCode >= 500)
            {
                logger.LogError(e, "{Target} failed", http.Request.Headers["X-Amz-Target"].ToString());
            }

            status = error.StatusCode;
            response = ApiErrors.Body(error);
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        http.Response.ContentLength = response.Length;
        await http.Response.Body.WriteAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static string ActionOf(HttpRequest request)
    {
        string target = request.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal))
        {
            throw new ApiException(ApiErrorTypes.UnknownOperation,
                target.Length == 0 ? "Missing the X-Amz-Target header." : $"The target '{target}' is not an AWSStepFunctions action.");
        }

        return target[TargetPrefix.Length..];
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is long length ? (int)Math.Max(length, 16) : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            int read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                throw TooLarge();
            }
        }
    }

    private static ApiException TooLarge() =>
        new(ApiErrorTypes.Validation, $"The request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
}
