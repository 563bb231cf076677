using Stepwise.Storage.Paging;
using Stepwise.Storage.StateMachines;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteStateMachineStore(SqliteStore store) : IStateMachineStore
{
    private const string MachineColumns =
        "seq, arn, name, type, definition, role_arn, creation_date, revision_id, update_date, description, logging_configuration, tracing_configuration";

    private const string VersionColumns = "arn, state_machine_arn, version, definition, role_arn, type, revision_id, creation_date, description";

    public async ValueTask CreateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        await store.WriteAsync(stateMachine, static (connection, machine) =>
        {
            // Writes are serialized by the writer, so looking first is race-free and names the conflict precisely.
            if (Scalar(connection, "SELECT 1 FROM state_machines WHERE arn = $p0", machine.StateMachineArn) is not null)
            {
                throw new ResourceAlreadyExistsException(ResourceKinds.StateMachine, machine.StateMachineArn);
            }

            Execute(connection,
                "INSERT INTO state_machines (arn, name, type, definition, role_arn, creation_date, revision_id, update_date, description, "
                + "logging_configuration, tracing_configuration) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10)",
                machine.StateMachineArn, machine.Name, machine.Type, machine.Definition, machine.RoleArn, ToStored(machine.CreationDate),
                machine.RevisionId, ToDb(machine.UpdateDate), machine.Description, machine.LoggingConfiguration, machine.TracingConfiguration);
            return 0;
        }).ConfigureAwait(false);
    }

    public ValueTask<StateMachineRecord?> GetAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(stateMachineArn, static (connection, arn) =>
        {
            using var reader = Query(connection, $"SELECT {MachineColumns} FROM state_machines WHERE arn = $p0", arn);
            return reader.Read() ? ReadMachine(reader) : null;
        }));
    }

    public ValueTask<Page<StateMachineRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page.MaxResults, 1);
        var after = PageTokens.Parse(page.NextToken) ?? long.MinValue;
        return ValueTask.FromResult(store.Read((after, page.MaxResults), static (connection, request) =>
        {
            using var reader = Query(connection, $"SELECT {MachineColumns} FROM state_machines WHERE seq > $p0 ORDER BY seq LIMIT $p1",
                request.after, request.MaxResults + 1);
            return SqlitePaging.Read(reader, request.MaxResults, ReadMachine, static r => r.GetInt64(0));
        }));
    }

    public async ValueTask UpdateAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        await store.WriteAsync(stateMachine, static (connection, machine) =>
        {
            var changed = Execute(connection,
                "UPDATE state_machines SET name = $p1, type = $p2, definition = $p3, role_arn = $p4, creation_date = $p5, revision_id = $p6, "
                + "update_date = $p7, description = $p8, logging_configuration = $p9, tracing_configuration = $p10 WHERE arn = $p0",
                machine.StateMachineArn, machine.Name, machine.Type, machine.Definition, machine.RoleArn, ToStored(machine.CreationDate),
                machine.RevisionId, ToDb(machine.UpdateDate), machine.Description, machine.LoggingConfiguration, machine.TracingConfiguration);
            if (changed == 0)
            {
                throw new ResourceNotFoundException(ResourceKinds.StateMachine, machine.StateMachineArn);
            }

            return 0;
        }).ConfigureAwait(false);
    }

    public ValueTask<bool> DeleteAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync(stateMachineArn, static (connection, arn) =>
        {
            if (Execute(connection, "DELETE FROM state_machines WHERE arn = $p0", arn) == 0)
            {
                return false;
            }

            Execute(connection, "DELETE FROM state_machine_versions WHERE state_machine_arn = $p0", arn);
            Execute(connection, "DELETE FROM state_machine_aliases WHERE state_machine_arn = $p0", arn);
            return true;
        });
    }

    public ValueTask<StateMachineVersionRecord> PublishVersionAsync(string stateMachineArn, string? description, DateTimeOffset creationDate,
        CancellationToken cancellationToken = default)
    {
        return store.WriteAsync((stateMachineArn, description, creationDate), static (connection, request) =>
        {
            StateMachineRecord machine;
            using (var reader = Query(connection, $"SELECT {MachineColumns} FROM state_machines WHERE arn = $p0", request.stateMachineArn))
            {
                if (!reader.Read())
                {
                    throw new ResourceNotFoundException(ResourceKinds.StateMachine, request.stateMachineArn);
                }

                machine = ReadMachine(reader);
            }

            var last = (long?)Scalar(connection,
                "SELECT last_version FROM state_machine_version_counters WHERE state_machine_arn = $p0", machine.StateMachineArn) ?? 0;
            if (last > 0 && ReadVersion(connection, StateMachineVersionRecord.ArnOf(machine.StateMachineArn, last)) is { } newest
                && string.Equals(newest.RevisionId, machine.RevisionId, StringComparison.Ordinal))
            {
                return newest;
            }

            var version = StateMachineVersionRecord.Publish(machine, last + 1, request.creationDate, request.description);
            Execute(connection,
                $"INSERT INTO state_machine_versions ({VersionColumns}) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)",
                version.StateMachineVersionArn, version.StateMachineArn, version.Version, version.Definition, version.RoleArn, version.Type,
                version.RevisionId, ToStored(version.CreationDate), version.Description);
            Execute(connection,
                "INSERT INTO state_machine_version_counters (state_machine_arn, last_version) VALUES ($p0, $p1) "
                + "ON CONFLICT (state_machine_arn) DO UPDATE SET last_version = excluded.last_version",
                version.StateMachineArn, version.Version);
            return version;
        });
    }

    public ValueTask<StateMachineVersionRecord?> GetVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(store.Read(stateMachineVersionArn, static (connection, arn) => ReadVersion(connection, arn)));
    }

    public ValueTask<Page<StateMachineVersionRecord>> ListVersionsAsync(string stateMachineArn, PageRequest page,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page.MaxResults, 1);
        var before = PageTokens.Parse(page.NextToken) ?? long.MaxValue;
        return ValueTask.FromResult(store.Read((stateMachineArn, before, page.MaxResults), static (connection, request) =>
        {
            using var reader = Query(connection,
                $"SELECT {VersionColumns} FROM state_machine_versions WHERE state_machine_arn = $p0 AND version < $p1 ORDER BY version DESC LIMIT $p2",
                request.stateMachineArn, request.before, request.MaxResults + 1);
            return SqlitePaging.Read(reader, request.MaxResults, ReadVersionRow, static r => r.GetInt64(2));
        }));
    }

    public ValueTask<bool> DeleteVersionAsync(string stateMachineVersionArn, CancellationToken cancellationToken = default)
    {
        return store.WriteAsync(stateMachineVersionArn, static (connection, arn) =>
            Execute(connection, "DELETE FROM state_machine_versions WHERE arn = $p0", arn) > 0);
    }


    private static StateMachineVersionRecord? ReadVersion(SqlitePreparedConnection connection, string arn)
    {
        using var reader = Query(connection, $"SELECT {VersionColumns} FROM state_machine_versions WHERE arn = $p0", arn);
        return reader.Read() ? ReadVersionRow(reader) : null;
    }

    private static StateMachineRecord ReadMachine(SqliteRows reader) => new()
    {
        StateMachineArn = reader.GetString(1),
        Name = reader.GetString(2),
        Type = reader.GetString(3),
        Definition = reader.GetString(4),
        RoleArn = reader.GetString(5),
        CreationDate = Instant(reader, 6),
        RevisionId = reader.GetString(7),
        UpdateDate = NullableInstant(reader, 8),
        Description = NullableString(reader, 9),
        LoggingConfiguration = NullableString(reader, 10),
        TracingConfiguration = NullableString(reader, 11),
    };

    private static StateMachineVersionRecord ReadVersionRow(SqliteRows reader) => new()
    {
        StateMachineVersionArn = reader.GetString(0),
        StateMachineArn = reader.GetString(1),
        Version = reader.GetInt64(2),
        Definition = reader.GetString(3),
        RoleArn = reader.GetString(4),
        Type = reader.GetString(5),
        RevisionId = reader.GetString(6),
        CreationDate = Instant(reader, 7),
        Description = NullableString(reader, 8),
    };
}
