namespace Stepwise.Hosting.Durable;

/// <summary>
/// Serializes the steps of one execution inside this process (striped by ARN, so memory stays fixed however many
/// executions exist). Across processes the store's expected-last-event-id check does the same job; the lock only
/// spares this process the conflicts.
/// </summary>
internal sealed class ExecutionLocks
{
    private readonly SemaphoreSlim[] _stripes;

    public ExecutionLocks(int stripes = 64)
    {
        _stripes = new SemaphoreSlim[stripes];
        for (int i = 0; i < stripes; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public SemaphoreSlim For(string executionArn) => _stripes[(int)(StableHash.Of(executionArn) % (ulong)_stripes.Length)];
}
