using System.Buffers;
using Stepwise.Storage.Executions;

namespace Stepwise.Hosting.Tests.TestSupport;

/// <summary>
/// A step writer that puts each shared or derived part back together as it is written, so an event's text can be read
/// as the store would read it; it checks what <see cref="IHistoryStepWriter"/> asks of its callers on the way.
/// </summary>
internal sealed class ResolvingStepWriter : IHistoryStepWriter
{
    private readonly ArrayBufferWriter<byte> _event = new();
    private readonly Dictionary<object, byte[]> _parts = new(ReferenceEqualityComparer.Instance);
    private object? _key;
    private int _start;
    private byte[]? _base;
    private int _suffix;

    public object? LastSharedKey { get; private set; }

    public int LastSharedLength => LastSharedKey is null ? 0 : _parts[LastSharedKey].Length;

    /// <summary>How many parts were written as a reference to one written before.</summary>
    public int References { get; private set; }

    /// <summary>How many parts were written as a change of the one before.</summary>
    public int Derived { get; private set; }

    /// <summary>The text of the event written since the last call.</summary>
    public byte[] TakeEvent()
    {
        Assert.Null(_key);
        byte[] text = _event.WrittenSpan.ToArray();
        _event.ResetWrittenCount();
        return text;
    }

    public bool TryWriteShared(object key)
    {
        if (!_parts.TryGetValue(key, out byte[]? part))
        {
            return false;
        }

        _event.Write(part);
        References++;
        return true;
    }

    public void BeginShared(object key)
    {
        Assert.Null(_key);
        _key = key;
        _start = _event.WrittenCount;
        _base = null;
    }

    public void BeginDerived(object key, int prefixLength, int suffixLength)
    {
        Assert.Null(_key);
        byte[] basePart = _parts[LastSharedKey!];
        Assert.InRange(prefixLength, 0, basePart.Length);
        Assert.InRange(suffixLength, 0, basePart.Length - prefixLength);
        _key = key;
        _start = _event.WrittenCount;
        _event.Write(basePart.AsSpan(0, prefixLength));
        _base = basePart;
        _suffix = suffixLength;
        Derived++;
    }

    public void EndShared()
    {
        Assert.NotNull(_key);
        if (_base is not null)
        {
            _event.Write(_base.AsSpan(_base.Length - _suffix));
        }

        _parts[_key] = _event.WrittenSpan[_start..].ToArray();
        LastSharedKey = _key;
        _key = null;
    }

    public void Advance(int count) => _event.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0) => _event.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => _event.GetSpan(sizeHint);
}
