using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Stepwise.Api.Protocol;

/// <summary>
/// The actions the API serves, by their <c>X-Amz-Target</c> name (<c>AWSStepFunctions.&lt;Action&gt;</c>). Each feature
/// area registers its actions with their source-generated request and response metadata.
/// </summary>
public sealed class ApiCatalog
{
    private readonly Dictionary<string, ApiHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>The action names served.</summary>
    public IReadOnlyCollection<string> Actions => _handlers.Keys;

    /// <summary>Serves <paramref name="action"/> with <paramref name="handler"/>.</summary>
    /// <exception cref="ArgumentException">The action is registered already.</exception>
    public void Add<TRequest, TResponse>(string action, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response,
        ApiAction<TRequest, TResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers.Add(action, new TypedHandler<TRequest, TResponse>(request, response, handler).InvokeAsync);
    }

    internal bool TryGet(string action, out ApiHandler handler) => _handlers.TryGetValue(action, out handler!);

    private sealed class TypedHandler<TRequest, TResponse>(JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response,
        ApiAction<TRequest, TResponse> handler)
    {
        public async Task<byte[]> InvokeAsync(ApiContext context, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
        {
            TRequest? input;
            try
            {
                // The SDKs send "{}" for a request without members; some hand-written clients send nothing at all.
                input = body.IsEmpty ? JsonSerializer.Deserialize("{}"u8, request) : JsonSerializer.Deserialize(body.Span, request);
            }
            catch (JsonException e)
            {
                throw new ApiException(ApiErrorTypes.Serialization, SerializationMessage(e));
            }

            if (input is null)
            {
                throw new ApiException(ApiErrorTypes.Serialization, "The request body must be a JSON object.");
            }

            var output = await handler(context, input, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(output, response);
        }

        private static string SerializationMessage(JsonException e) =>
            e.Path is { Length: > 0 } path ? $"Could not read the request at '{path}': {e.Message}" : $"Could not read the request: {e.Message}";
    }
}
