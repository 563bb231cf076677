namespace Stepwise.Hosting.Durable;

/// <summary>
/// The snapshots of executions whose step just dispatched a task on this node, kept until the task's result comes
/// back so its step needs no store read and no snapshot parse. An entry is taken (removed) by the next step of its
/// execution, whatever that step is, and the commit's version check (<see cref="CachedSnapshot.LastEventId"/> as the
/// expected last event) catches any writer that got there first. Bounded by count, least recently stored evicted
/// first; only running executions are ever stored, so a waiting execution costs no memory here (DESIGN.md §4).
/// </summary>
internal sealed class SnapshotCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<CachedSnapshot>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedSnapshot> _order = new();

    /// <summary>How many snapshots are held.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Stores (or replaces) the snapshot of <see cref="CachedSnapshot.ExecutionArn"/>, evicting the oldest entry when full.</summary>
    public void Put(CachedSnapshot snapshot)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_entries)
        {
            if (_entries.Remove(snapshot.ExecutionArn, out var existing))
            {
                _order.Remove(existing);
            }
            else if (_entries.Count >= capacity && _order.First is { } oldest)
            {
                _entries.Remove(oldest.Value.ExecutionArn);
                _order.RemoveFirst();
            }

            _entries[snapshot.ExecutionArn] = _order.AddLast(snapshot);
        }
    }

    /// <summary>Removes and returns the snapshot of <paramref name="executionArn"/>, if held.</summary>
    public CachedSnapshot? Take(string executionArn)
    {
        lock (_entries)
        {
            if (!_entries.Remove(executionArn, out var node))
            {
                return null;
            }

            _order.Remove(node);
            return node.Value;
        }
    }
}
