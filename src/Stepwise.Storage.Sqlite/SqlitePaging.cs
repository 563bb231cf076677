using Stepwise.Storage.Paging;

namespace Stepwise.Storage.Sqlite;

internal static class SqlitePaging
{
    /// <summary>
    /// Reads up to <paramref name="maxResults"/> rows of <paramref name="reader"/>, a query that asked for one more (<c>LIMIT max + 1</c>): the
    /// extra row only says that a next page exists, whose token is the position of the last row returned.
    /// </summary>
    public static Page<T> Read<T>(SqliteRows reader, int maxResults, Func<SqliteRows, T> map, Func<SqliteRows, long> position)
    {
        var items = new List<T>();
        long last = 0;
        var more = false;
        while (reader.Read())
        {
            if (items.Count == maxResults)
            {
                more = true;
                break;
            }

            items.Add(map(reader));
            last = position(reader);
        }

        return new Page<T>(items, more ? PageTokens.From(last) : null);
    }
}
