using System.Buffers;
using System.Diagnostics;
using System.Text;
using Stepwise.Storage.Executions;
using static Stepwise.Storage.Sqlite.SqliteHistoryStepVarint;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// Writes the events of one step into the <see cref="SqliteHistoryStep.Compact"/> body, in buffers kept per thread.
/// Integers are varints (<see cref="SqliteHistoryStepVarint"/>). Per event: its id and its UTC ticks, each as the signed
/// change from the event before (from 0 for the first); its type, as an index into the step's table of types, where the
/// index one past the table is followed by a new type's length and UTF-8 bytes and adds it to the table; then its parts,
/// and a part of kind <see cref="End"/>. A part starts with a varint whose low three bits say its kind and whose other
/// bits its length, index or count: <see cref="Literal"/> bytes follow; <see cref="Definition"/> bytes follow and
/// become the step's next shared part; <see cref="Reference"/> names a shared part defined before; <see cref="Derived"/>
/// (its other bits the length of its middle) is followed by how many shared parts back its base lies (0: the last one),
/// the length of the base's prefix and of its suffix, and the middle's bytes, and becomes the step's next shared part:
/// the prefix, the middle, the suffix; <see cref="LiteralDelta"/> (its other bits a count of operations) is a literal
/// stored as its change (<see cref="SqliteHistoryStepDelta"/>) from the literal in the same place (the first, second, …
/// literal) of the base event: the step's last event of the same type, or for a type's first event the event before.
/// An event's JSON is its parts' bytes in order.
/// <para>
/// The bodies of earlier rows (<see cref="SqliteHistoryStep.Shared"/>, <see cref="SqliteHistoryStep.Derived"/>) use the
/// first four kinds with fixed-width little-endian integers and two bits of kind (see <see cref="SqliteHistoryStep"/>).
/// </para>
/// </summary>
internal sealed class SqliteHistoryStepWriter : IHistoryStepWriter
{
    public const int Literal = 0;
    public const int Definition = 1;
    public const int Reference = 2;
    public const int Derived = 3;
    public const int LiteralDelta = 4;
    public const int End = 5;

    /// <summary>How many bits of a part's header say its kind.</summary>
    public const int KindBits = 3;

    // A part's length shares its header with the bits of kind.
    private const int MaxPartBytes = int.MaxValue >> KindBits;

    // A part's header is written once its length is known, in front of its bytes: this much room is kept for it, and
    // what it does not use is closed up.
    private const int HeaderRoom = MaxBytes32;

    // Parts up to this long are moved down over their header's unused room in two copies (see WriteHeader).
    private const int MaxCopiedMove = 16 * 1024;

    // Buffers that grew past this for one huge step are not kept for the next.
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

    // The step's types in the order their first events came, and each one's last event (its literals, First < 0: none).
    private readonly List<string> _types = [];
    private readonly List<(int First, int Count)> _lastOfType = [];

    // Every literal of the step as written (its bytes in _literals), each event's a consecutive run: the bases of the
    // literals after them.
    private readonly List<(int Start, int Length)> _literalSpans = [];
    private byte[] _literals = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _literalsLength;

    private long _lastId;
    private long _lastTicks;
    private (int First, int Count) _lastEvent = (-1, 0);

    // The event being written: its type's index, its first literal, and the event its literals derive from.
    private int _eventType;
    private int _eventFirstLiteral;
    private (int First, int Count) _eventBase;

    // The part being written (-1: none): where its header goes, and whether it is a shared definition.
    private int _partHeader = -1;
    private object? _sharedKey;

    // The part being written derives from the last shared part, taking this many of its bytes (-1: it does not), and its
    // base, prefix and suffix fields take this many bytes before its middle.
    private int _derivedBytes = -1;
    private int _derivedFields;

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
        _types.Clear();
        _lastOfType.Clear();
        _literalSpans.Clear();
        _literalsLength = 0;
        _lastId = 0;
        _lastTicks = 0;
        _lastEvent = (-1, 0);
        _partHeader = -1;
        _sharedKey = null;
        _derivedBytes = -1;
        _lastSharedKey = null;
        if (_buffer.Length > MaxKeptBytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        }

        if (_literals.Length > MaxKeptBytes)
        {
            ArrayPool<byte>.Shared.Return(_literals);
            _literals = ArrayPool<byte>.Shared.Rent(16 * 1024);
        }

        t_cached = this;
    }

    /// <summary>Writes <paramref name="storedEvent"/> whole.</summary>
    public void Write(StoredEvent storedEvent)
    {
        long ticks = storedEvent.Timestamp.UtcTicks;
        Ensure(2 * MaxBytes64 + 2 * MaxBytes32 + Encoding.UTF8.GetMaxByteCount(storedEvent.Type.Length));
        _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), ZigZag(storedEvent.Id - _lastId));
        _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), ZigZag(ticks - _lastTicks));
        _lastId = storedEvent.Id;
        _lastTicks = ticks;
        _eventType = TypeIndex(storedEvent.Type);
        _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), (uint)_eventType);
        if (_eventType == _types.Count)
        {
            // A new type: its name once, then its index in every later event.
            _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), (uint)Encoding.UTF8.GetByteCount(storedEvent.Type));
            _length += Encoding.UTF8.GetBytes(storedEvent.Type, _buffer.AsSpan(_length));
            _types.Add(storedEvent.Type);
            _lastOfType.Add((-1, 0));
            _eventBase = _lastEvent;
        }
        else
        {
            _eventBase = _lastOfType[_eventType];
        }

        _eventFirstLiteral = _literalSpans.Count;

        storedEvent.WriteTo(this);

        ClosePart();
        Ensure(1);
        _buffer[_length++] = End;
        _lastEvent = (_eventFirstLiteral, _literalSpans.Count - _eventFirstLiteral);
        _lastOfType[_eventType] = _lastEvent;
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
        Ensure(MaxBytes32);
        _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), ((uint)index << KindBits) | Reference);
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
        // part the fields written below name, so it is closed before the lengths are checked against the last part.
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
        Ensure(3 * MaxBytes32);
        int start = _length;
        // The base is the last shared part: none back.
        _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), 0u);
        _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), (uint)prefixLength);
        _length += SqliteHistoryStepVarint.Write(_buffer.AsSpan(_length), (uint)suffixLength);
        _derivedFields = _length - start;
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

    private int TypeIndex(string type)
    {
        // A step holds a few types, mostly the same string instances.
        for (int i = 0; i < _types.Count; i++)
        {
            if (ReferenceEquals(_types[i], type) || string.Equals(_types[i], type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return _types.Count;
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
        Ensure(HeaderRoom);
        _partHeader = _length;
        _length += HeaderRoom;
    }

    private void ClosePart()
    {
        if (_partHeader < 0)
        {
            return;
        }

        int content = _length - _partHeader - HeaderRoom;
        if (_sharedKey is { } key)
        {
            // A derived part holds its middle; the event and the parts after it see the whole.
            int length = _derivedBytes < 0 ? content : content - _derivedFields;
            CheckPartLength(length);
            int whole = _derivedBytes < 0 ? length : length + _derivedBytes;
            _recentKeys[_recentNext] = key;
            _recentIndexes[_recentNext] = _sharedLengths.Count;
            _recentNext = (_recentNext + 1) % Window;
            _sharedLengths.Add(whole);
            _lastSharedKey = key;
            WriteHeader(((uint)length << KindBits) | (uint)(_derivedBytes < 0 ? Definition : Derived));
        }
        else if (content == 0)
        {
            // An empty literal is dropped with its header's room.
            _length = _partHeader;
        }
        else
        {
            CheckPartLength(content);
            CloseLiteral(content);
        }

        _partHeader = -1;
        _sharedKey = null;
        _derivedBytes = -1;
    }

    // Keeps the literal for the literals after it, and writes it as its change from its base's when that is shorter. The
    // bytes go in front of the header from copies (the literal's in _literals, the change past the end of the body),
    // never moved within the body: an overlapping move leaves the vectorized copy for a native call, which cost more
    // than the rest of the writing in the task-chain profile.
    private void CloseLiteral(int length)
    {
        int ordinal = _literalSpans.Count - _eventFirstLiteral;
        SqliteHistoryStep.Rent(ref _literals, _literalsLength + length, _literalsLength);
        _buffer.AsSpan(_partHeader + HeaderRoom, length).CopyTo(_literals.AsSpan(_literalsLength));
        _literalSpans.Add((_literalsLength, length));
        _literalsLength += length;
        var literal = _literals.AsSpan(_literalsLength - length, length);
        if (ordinal < _eventBase.Count)
        {
            var (baseStart, baseLength) = _literalSpans[_eventBase.First + ordinal];
            // The change is kept only when shorter than the literal.
            Ensure(length);
            var change = _buffer.AsSpan(_length, length - 1);
            int written = SqliteHistoryStepDelta.TryEncode(literal, _literals.AsSpan(baseStart, baseLength), change, out int operations);
            if (written >= 0)
            {
                int used = SqliteHistoryStepVarint.Write(_buffer.AsSpan(_partHeader), ((uint)operations << KindBits) | LiteralDelta);
                change[..written].CopyTo(_buffer.AsSpan(_partHeader + used));
                _length = _partHeader + used + written;
                return;
            }
        }

        int headerLength = SqliteHistoryStepVarint.Write(_buffer.AsSpan(_partHeader), ((uint)length << KindBits) | Literal);
        literal.CopyTo(_buffer.AsSpan(_partHeader + headerLength));
        _length = _partHeader + headerLength + length;
    }

    // Writes the open part's header in the room kept for it and closes up the rest of the room.
    private void WriteHeader(uint header)
    {
        int used = SqliteHistoryStepVarint.Write(_buffer.AsSpan(_partHeader), header);
        int contentStart = _partHeader + HeaderRoom;
        int length = _length - contentStart;
        if (used < HeaderRoom && length <= MaxCopiedMove)
        {
            // Through the room past the end, as two copies that do not overlap: see CloseLiteral.
            Ensure(length);
            _buffer.AsSpan(contentStart, length).CopyTo(_buffer.AsSpan(_length));
            _buffer.AsSpan(_length, length).CopyTo(_buffer.AsSpan(_partHeader + used));
        }
        else if (used < HeaderRoom)
        {
            _buffer.AsSpan(contentStart, length).CopyTo(_buffer.AsSpan(_partHeader + used));
        }

        _length -= HeaderRoom - used;
    }

    private static void CheckPartLength(int length)
    {
        if (length > MaxPartBytes)
        {
            throw new StorageException($"A history event part of {length} bytes is over the {MaxPartBytes} a step body can hold.");
        }
    }

    private void Ensure(int count) => SqliteHistoryStep.Rent(ref _buffer, _length + count, _length);
}
