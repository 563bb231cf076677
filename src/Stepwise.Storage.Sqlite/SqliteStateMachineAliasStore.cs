using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteStateMachineAliasStore(SqliteStore store) : IStateMachineAliasStore
{
    private const string Columns = "seq, arn, state_machine_arn, name, routing_configuration, creation_date, update_date, description";

    public async ValueTask CreateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        await store.WriteAsync(alias, static (connection, alias) =>
        {
            if (Scalar(connection, "SELECT 1 FROM state_machine_aliases WHERE arn = $p0", alias.StateMachineAliasArn) is not null)
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.StateMachineAlias, alias.StateMachineAliasArn);
            }

            Execute(connection,
                "INSERT INTO state_machine_aliases (arn, state_machine_arn, name, routing_configuration, creation_date, update_date, description) "
                + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)",
                alias.StateMachineAliasArn, alias.StateMachineArn, alias.Name, AliasRoutesCodec.Write(alias.RoutingConfiguration),
                ToStored(alias.CreationDate), ToDb(alias.UpdateDate), alias.Description);
            return 0;
        }).ConfigureAwait(false);
    }

    public ValueTask<StateMachineAliasRecord?> GetAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(stateMachineAliasArn, static (connection, arn) =>
        {
            using var reader = Query(connection, $"SELECT {Columns} FROM state_machine_aliases WHERE arn = $p0", arn);
            return reader.Read() ? ReadAlias(reader) : null;
        }));
    }

    public ValueTask<Page<StateMachineAliasRecord>> ListAsync(string stateMachineArn, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page.MaxResults, 1);
        var after = PageTokens.Parse(page.NextToken) ?? long.MinValue;
        return ValueTask.FromResult(store.Read((stateMachineArn, after, page.MaxResults), static (connection, request) =>
        {
            using var reader = Query(connection,
                $"SELECT {Columns} FROM state_machine_aliases WHERE state_machine_arn = $p0 AND seq > $p1 ORDER BY seq LIMIT $p2",
                request.stateMachineArn, request.after, request.MaxResults + 1);
            return SqlitePaging.Read(reader, request.MaxResults, ReadAlias, static r => r.GetInt64(0));
        }));
    }

    public async ValueTask UpdateAsync(StateMachineAliasRecord alias, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        await store.WriteAsync(alias, static (connection, alias) =>
        {
            var changed = Execute(connection,
                "UPDATE state_machine_aliases SET state_machine_arn = $p1, name = $p2, routing_configuration = $p3, creation_date = $p4, "
                + "update_date = $p5, description = $p6 WHERE arn = $p0",
                alias.StateMachineAliasArn, alias.StateMachineArn, alias.Name, AliasRoutesCodec.Write(alias.RoutingConfiguration),
                ToStored(alias.CreationDate), ToDb(alias.UpdateDate), alias.Description);
            if (changed == 0)
            {
                throw new ResourceNotFoundException(ResourceKinds.StateMachineAlias, alias.StateMachineAliasArn);
            }

            return 0;
        }).ConfigureAwait(false);
    }

    public ValueTask<bool> DeleteAsync(string stateMachineAliasArn, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync(stateMachineAliasArn, static (connection, arn) =>
            Execute(connection, "DELETE FROM state_machine_aliases WHERE arn = $p0", arn) > 0);
    }

    private static StateMachineAliasRecord ReadAlias(SqliteRows reader) => new()
    {
        StateMachineAliasArn = reader.GetString(1),
        StateMachineArn = reader.GetString(2),
        Name = reader.GetString(3),
        RoutingConfiguration = AliasRoutesCodec.Read(reader.GetString(4)),
        CreationDate = Instant(reader, 5),
        UpdateDate = NullableInstant(reader, 6),
        Description = NullableString(reader, 7),
    };
}
