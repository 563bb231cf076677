using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Stepwise.Storage.Executions;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// Writes the events of one step into the <see cref="SqliteHistoryStep.Derived"/> body, in a buffer kept per thread.
/// Per event: <c>id</c> and UTC <c>ticks</c> (int64), the type (int32 length, UTF-8), the length of the event's JSON
/// and its number of parts (int32 each), then the parts. A part starts with an int32 whose low two bits say its kind and
/// whose other bits its length or index: <see cref="Literal"/> bytes follow, <see cref="Definition"/> bytes follow and
/// become the step's next shared part, <see cref="Reference"/> names a shared part defined before, and
/// <see cref="Derived"/> (its other bits the length of its middle) is followed by the index of a shared part defined
/// before, the length of that part's prefix and of its suffix (int32 each) and the middle's bytes, and becomes the
/// step's next shared part: the prefix, the middle, the suffix. All integers are little-endian. An event's JSON is its
/// parts' bytes in order. The <see cref="SqliteHistoryStep.Shared"/> body of earlier rows is the same without
/// <see cref="Derived"/> parts.
/// </summary>
internal sealed class SqliteHistoryStepWriter : IHistoryStepWriter
{
    public const int Literal = 0;
    public const int Definition = 1;
    public const int Reference = 2;
    public const int Derived = 3;

    // What a derived part's header is followed by: its base's index, prefix length and suffix length.
    private const int DerivedHeaderBytes = 12;

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

    // The part being written derives from the last shared part, taking this many of its bytes (-1: it does not).
    private int _derivedBytes = -1;

    // The part defined last.
    private object? _lastSharedKey;

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
        _derivedBytes = -1;
        _lastSharedKey = null;
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

    public object? LastSharedKey => _lastSharedKey;

    public int LastSharedLength => _lastSharedKey is null ? 0 : _sharedLengths[^1];

    public void BeginDerived(object key, int prefixLength, int suffixLength)
    {
        // A part still open (BeginShared without EndShared) becomes the last shared part once closed, and that is the
        // part the index written below names, so it is closed before the lengths are checked against the last part.
        ClosePart();
        if (_lastSharedKey is null)
        {
            throw new InvalidOperationException("BeginDerived before any shared part.");
        }

        int baseLength = _sharedLengths[^1];
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfNegative(suffixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(suffixLength, baseLength - prefixLength);
        OpenPart();
        Ensure(DerivedHeaderBytes);
        var span = _buffer.AsSpan(_length);
        BinaryPrimitives.WriteInt32LittleEndian(span, _sharedLengths.Count - 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], prefixLength);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], suffixLength);
        _length += DerivedHeaderBytes;
        _sharedKey = key;
        _derivedBytes = prefixLength + suffixLength;
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

        int length = _length - _partHeader - 4 - (_derivedBytes < 0 ? 0 : DerivedHeaderBytes);
        if (length > MaxPartBytes)
        {
            throw new StorageException($"A history event part of {length} bytes is over the {MaxPartBytes} a step body can hold.");
        }

        if (_sharedKey is { } key)
        {
            // A derived part holds its middle; the event and the parts after it see the whole.
            int whole = _derivedBytes < 0 ? length : length + _derivedBytes;
            _recentKeys[_recentNext] = key;
            _recentIndexes[_recentNext] = _sharedLengths.Count;
            _recentNext = (_recentNext + 1) % Window;
            _sharedLengths.Add(whole);
            _lastSharedKey = key;
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_partHeader), (length << 2) | (_derivedBytes < 0 ? Definition : Derived));
            _eventParts++;
            _eventLength += whole;
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
        _derivedBytes = -1;
    }

    private void Ensure(int count) => SqliteHistoryStep.Rent(ref _buffer, _length + count, _length);
}
