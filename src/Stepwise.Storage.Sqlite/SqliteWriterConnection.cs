using Microsoft.Data.Sqlite;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// The writer's connection, which keeps every statement it has run prepared: a step commit runs the same handful of
/// statements each time, and preparing them anew costs more than running them.
/// </summary>
internal sealed class SqliteWriterConnection(string connectionString) : SqliteConnection(connectionString)
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters <c>$p0</c>… set to <paramref name="arguments"/>.</summary>
    public SqliteCommand Prepared(string sql, ReadOnlySpan<object?> arguments)
    {
        if (!_statements.TryGetValue(sql, out var command) || command.Parameters.Count != arguments.Length)
        {
            command?.Dispose();
            command = SqliteValues.Command(this, sql, arguments);
            _statements[sql] = command;
            return command;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            command.Parameters[i].Value = arguments[i] ?? DBNull.Value;
        }

        return command;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _statements.Values)
            {
                command.Dispose();
            }

            _statements.Clear();
        }

        base.Dispose(disposing);
    }
}
