using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Stepwise.Integrations.Configuration;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// The three S3 calls the distributed Map needs (GetObject streamed, ListObjectsV2 by page, PutObject) against a
/// configured endpoint with path-style addressing (<c>{endpoint}/{bucket}/{key}</c>), which moto, LocalStack and MinIO
/// serve. Error answers throw <see cref="AwsServiceException"/> with S3's code; network failures
/// <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class S3Client(HttpClient http, Uri endpoint, AwsCredentials? credentials, string region, TimeProvider time)
{
    private const string SigningName = "s3";

    // S3 accepts an unsigned payload over any transport; it spares hashing a streamed or large body twice.
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>Opens the object's body (the given version, else the latest) as a stream read from the network as it is consumed.</summary>
    public async Task<Stream> GetObjectAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        var uri = ObjectUri(bucket, key);
        if (versionId is not null)
        {
            uri = new Uri(uri + "?versionId=" + Uri.EscapeDataString(versionId));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        Sign(request);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One page (up to 1,000 keys) of the bucket's objects under <paramref name="prefix"/>.</summary>
    public async Task<S3ObjectPage> ListObjectsV2Async(string bucket, string? prefix, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("?list-type=2");
        if (!string.IsNullOrEmpty(prefix))
        {
            query.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
        }

        if (continuationToken is not null)
        {
            query.Append("&continuation-token=").Append(Uri.EscapeDataString(continuationToken));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BucketUri(bucket) + query.ToString()));
        Sign(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await S3ObjectPage.ReadAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores <paramref name="body"/> as the object.</summary>
    public async Task PutObjectAsync(string bucket, string key, ReadOnlyMemory<byte> body, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, ObjectUri(bucket, key));
        request.Content = new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Sign(request);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Sign(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("x-amz-content-sha256", UnsignedPayload);
        SigV4Signer.Sign(request, UnsignedPayload, SigningName, region, credentials ?? AwsHttpClient.Placeholder, time.GetUtcNow(), encodePathTwice: false);
    }

    private string BucketUri(string bucket) => endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + Uri.EscapeDataString(bucket);

    private Uri ObjectUri(string bucket, string key)
    {
        var builder = new StringBuilder(BucketUri(bucket)).Append('/');
        var segments = key.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            builder.Append(i > 0 ? "/" : string.Empty).Append(Uri.EscapeDataString(segments[i]));
        }

        return new Uri(builder.ToString());
    }

    /// <summary>S3's XML error (<c>&lt;Error&gt;&lt;Code&gt;NoSuchKey&lt;/Code&gt;…</c>), or the status alone when the body has none (HEAD-like answers).</summary>
    private static async Task<AwsServiceException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        // Not XML (a HEAD-like answer): the status code speaks alone.
        var (code, message, bodyRequestId) = QueryProtocol.ParseError(body);
        string? requestId = response.Headers.TryGetValues("x-amz-request-id", out var ids) ? string.Join(',', ids) : bodyRequestId;

        int status = (int)response.StatusCode;
        code ??= status.ToString(CultureInfo.InvariantCulture);
        return new AwsServiceException(status, code, code, message ?? response.ReasonPhrase ?? code, requestId);
    }

    /// <summary>Disposes the HTTP response with the body stream its reader holds.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
