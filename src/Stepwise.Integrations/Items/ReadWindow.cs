using System.Buffers;

namespace Stepwise.Integrations.Items;

/// <summary>
/// A pooled window over a stream for the byte-level readers: <see cref="FillAsync"/> moves the unconsumed tail to the
/// front, doubles the buffer when one record fills it whole, and reads more; the reader then consumes what it parsed.
/// </summary>
internal sealed class ReadWindow : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _start;
    private int _end;

    /// <summary>True once the stream has no more bytes: what remains is the last of the data.</summary>
    public bool Final { get; private set; }

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Reads more of <paramref name="stream"/> after the unconsumed bytes (sets <see cref="Final"/> at its end).</summary>
    public async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        Final = read == 0;
        _end += read;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes of <see cref="Data"/>.</summary>
    public void Consume(int count) => _start += count;

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
