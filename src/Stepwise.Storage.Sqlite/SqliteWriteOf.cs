namespace Stepwise.Storage.Sqlite;

/// <summary>A write computing a <typeparamref name="TResult"/> from its argument; the body is a static lambda.</summary>
internal sealed class SqliteWrite<TArg, TResult>(TArg argument, Func<SqlitePreparedConnection, TArg, TResult> body) : SqliteWrite
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;

    public Task<TResult> Task => _completion.Task;

    public override void Run(SqlitePreparedConnection connection) => _result = body(connection, argument);

    public override void Complete()
    {
        if (Failure is { } failure)
        {
            _completion.TrySetException(SqliteErrors.Map(failure));
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(SqliteErrors.Map(exception));
}
