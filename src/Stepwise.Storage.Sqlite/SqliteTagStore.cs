using Stepwise.Storage.Tags;
using static Stepwise.Storage.Sqlite.SqliteValues;

namespace Stepwise.Storage.Sqlite;

internal sealed class SqliteTagStore(SqliteStore store) : ITagStore
{
    public ValueTask<IReadOnlyList<ResourceTag>> ListAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        return ValueTask.FromResult(store.Read(resourceArn, static (connection, arn) =>
        {
            using var reader = Query(connection, "SELECT key, value FROM resource_tags WHERE resource_arn = $p0 ORDER BY seq", arn);
            var tags = new List<ResourceTag>();
            while (reader.Read())
            {
                tags.Add(new ResourceTag(reader.GetString(0), reader.GetString(1)));
            }

            return (IReadOnlyList<ResourceTag>)tags;
        }));
    }

    public async ValueTask AddAsync(string resourceArn, IReadOnlyList<ResourceTag> tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        ArgumentNullException.ThrowIfNull(tags);
        await store.WriteAsync((resourceArn, tags), static (connection, request) =>
        {
            foreach (var tag in request.tags)
            {
                // A key the resource has keeps its place (seq); a new one goes after every other.
                Execute(connection,
                    "INSERT INTO resource_tags (resource_arn, key, value, seq) "
                    + "VALUES ($p0, $p1, $p2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM resource_tags WHERE resource_arn = $p0)) "
                    + "ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value",
                    request.resourceArn, tag.Key, tag.Value);
            }

            return 0;
        }).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string resourceArn, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        ArgumentNullException.ThrowIfNull(keys);
        await store.WriteAsync((resourceArn, keys), static (connection, request) =>
        {
            foreach (string key in request.keys)
            {
                Execute(connection, "DELETE FROM resource_tags WHERE resource_arn = $p0 AND key = $p1", request.resourceArn, key);
            }

            return 0;
        }).ConfigureAwait(false);
    }

    public async ValueTask RemoveAllAsync(string resourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceArn);
        await store.WriteAsync(resourceArn, static (connection, arn) => Execute(connection, "DELETE FROM resource_tags WHERE resource_arn = $p0", arn))
            .ConfigureAwait(false);
    }
}
