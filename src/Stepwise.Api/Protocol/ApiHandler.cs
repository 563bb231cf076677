namespace Stepwise.Api.Protocol;

/// <summary>
/// One action of the API: reads its request from <paramref name="body"/> and returns the response bytes. Built by
/// <see cref="ApiCatalog.Add{TRequest, TResponse}"/> from a typed <see cref="ApiAction{TRequest, TResponse}"/>.
/// </summary>
internal delegate Task<byte[]> ApiHandler(ApiContext context, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

/// <summary>A typed action handler: the request DTO in, the response DTO out. Throws <see cref="ApiException"/> for AWS errors.</summary>
public delegate Task<TResponse> ApiAction<TRequest, TResponse>(ApiContext context, TRequest request, CancellationToken cancellationToken);
