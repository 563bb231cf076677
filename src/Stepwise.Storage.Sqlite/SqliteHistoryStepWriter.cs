using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Stepwise.Storage.Executions;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// Writes the events of one step into the <see cref="SqliteHistoryStep.Shared"/> body, in a buffer kept per thread.
/// Per event: <c>id</c> and UTC <c>ticks</c> (int64), the type (int32 length, UTF-8), the length of the event's JSON
/// and its number of parts (int32 each), then the parts. A part starts with an int32 whose low two bits say its kind and
/// whose other bits its length or index: <see cref="Literal"/> bytes follow, <see cref="Definition"/> bytes follow and
/// become the step's next shared part, <see cref="Reference"/> names a shared part defined before. All integers are
/// little-endian. An event's JSON is its parts' bytes in order.
/// </summary>
internal sealed class SqliteHistoryStepWriter : IHistoryStepWriter
{
    public const int Literal = 0;
    public const int Definition = 1;
    public const int Reference = 2;

    // A part's length shares its header with two bits of kind.
    private const int MaxPartBytes = int.MaxValue >> 2;

    // A buffer that grew past this for one huge step is not kept for the next.
    private const int MaxKeptBytes = 1 << 20;

    [ThreadStatic]
    private static SqliteHistoryStepWriter? t_cached;

    // The shared parts defined last, by key: a step's events repeat a payload within a few events of each other (a
    // Task's entered and scheduled events, its succeeded and exited events and the next state's entered event), so a
    // short window finds nearly every repeat, and a missed one is only written again. Scanned by reference rather than
    // hashed: RuntimeHelpers.GetHashCode's first call on each payload's string took 3.5 µs in the task-chain profile,
    // more than writing the payload.
    private const int Window = 8;
    private readonly object?[] _recentKeys = new object?[Window];
    private readonly int[] _recentIndexes = new int[Window];
    private readonly List<int> _sharedLengths = [];
    private int _recentNext;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _length;

    // The event being written: where its JSON length and part count go, and what it holds so far.
    private int _eventHeader;
    private int _eventLength;
    private int _eventParts;

    // The part being written (-1: none): where its header goes, and whether it is a shared definition.
    private int _partHeader = -1;
    private object? _sharedKey;

    /// <summary>The body written so far.</summary>
    public ReadOnlySpan<byte> Body => _buffer.AsSpan(0, _length);

    /// <summary>A writer for one step on this thread (not reentrant); give it back with <see cref="Release"/>.</summary>
    public static SqliteHistoryStepWriter Rent()
    {
        var writer = t_cached ?? new SqliteHistoryStepWriter();
        t_cached = null;
        return writer;
    }

    /// <summary>Forgets the step and keeps the writer for the thread's next one.</summary>
    public void Release()
    {
        _length = 0;
        Array.Clear(_recentKeys);
        _recentNext = 0;
        _sharedLengths.Clear();
        _partHeader = -1;
        _sharedKey = null;
        if (_buffer.Length > MaxKeptBytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        }

        t_cached = this;
    }

    /// <summary>Writes <paramref name="storedEvent"/> whole.</summary>
    public void Write(StoredEvent storedEvent)
    {
        Ensure(32 + Encoding.UTF8.GetMaxByteCount(storedEvent.Type.Length));
        var span = _buffer.AsSpan(_length);
        BinaryPrimitives.WriteInt64LittleEndian(span, storedEvent.Id);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], storedEvent.Timestamp.UtcTicks);
        int type = Encoding.UTF8.GetBytes(storedEvent.Type, span[20..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], type);
        _length += 20 + type;
        _eventHeader = _length;
        _length += 8;
        _eventLength = 0;
        _eventParts = 0;

        storedEvent.WriteTo(this);

        ClosePart();
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_eventHeader), _eventLength);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_eventHeader + 4), _eventParts);
    }

    public void Advance(int count)
    {
        Debug.Assert(_partHeader >= 0 && count >= 0 && _length + count <= _buffer.Length);
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        OpenLiteral();
        Ensure(Math.Max(sizeHint, 256));
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        OpenLiteral();
        Ensure(Math.Max(sizeHint, 256));
        return _buffer.AsSpan(_length);
    }

    public bool TryWriteShared(object key)
    {
        int index = -1;
        for (int i = 0; i < Window; i++)
        {
            if (ReferenceEquals(_recentKeys[i], key))
            {
                index = _recentIndexes[i];
                break;
            }
        }

        if (index < 0)
        {
            return false;
        }

        ClosePart();
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), (index << 2) | Reference);
        _length += 4;
        _eventLength += _sharedLengths[index];
        _eventParts++;
        return true;
    }

    public void BeginShared(object key)
    {
        ClosePart();
        OpenPart();
        _sharedKey = key;
    }

    public void EndShared()
    {
        if (_sharedKey is null)
        {
            throw new InvalidOperationException("EndShared without BeginShared.");
        }

        ClosePart();
    }

    private void OpenLiteral()
    {
        if (_partHeader < 0)
        {
            OpenPart();
        }
    }

    private void OpenPart()
    {
        Ensure(4);
        _partHeader = _length;
        _length += 4;
    }

    private void ClosePart()
    {
        if (_partHeader < 0)
        {
            return;
        }

        int length = _length - _partHeader - 4;
        if (length > MaxPartBytes)
        {
            throw new StorageException($"A history event part of {length} bytes is over the {MaxPartBytes} a step body can hold.");
        }

        if (_sharedKey is { } key)
        {
            _recentKeys[_recentNext] = key;
            _recentIndexes[_recentNext] = _sharedLengths.Count;
            _recentNext = (_recentNext + 1) % Window;
            _sharedLengths.Add(length);
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_partHeader), (length << 2) | Definition);
            _eventParts++;
            _eventLength += length;
        }
        else if (length == 0)
        {
            // An empty literal is dropped with its header.
            _length = _partHeader;
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_partHeader), (length << 2) | Literal);
            _eventParts++;
            _eventLength += length;
        }

        _partHeader = -1;
        _sharedKey = null;
    }

    private void Ensure(int count)
    {
        if (_buffer.Length - _length >= count)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
