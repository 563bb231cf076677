using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Stepwise.Storage.Sqlite;

/// <summary>
/// <c>sqlite3_wal_hook</c>, which SQLitePCLRaw 2.0.6 does not expose: SQLite calls the hook on the committing thread
/// after each commit in WAL mode, with the number of frames the log now holds. Installing it replaces the automatic
/// checkpoint (which SQLite itself implements as this hook), so the committing thread never copies the log back.
/// </summary>
internal static unsafe partial class SqliteWalHook
{
    /// <summary>
    /// Sends the frame counts of <paramref name="database"/>'s commits to <paramref name="target"/> (a handle to a
    /// <see cref="SqliteCheckpointer"/>), which must stay allocated until <see cref="Remove"/>.
    /// </summary>
    public static void Install(SQLitePCL.sqlite3 database, GCHandle target) =>
        sqlite3_wal_hook(database.DangerousGetHandle(), &OnCommitted, GCHandle.ToIntPtr(target));

    /// <summary>Takes the hook off <paramref name="database"/>, which then checkpoints nothing by itself.</summary>
    public static void Remove(SQLitePCL.sqlite3 database) =>
        sqlite3_wal_hook(database.DangerousGetHandle(), null, IntPtr.Zero);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnCommitted(IntPtr target, IntPtr database, IntPtr schema, int frames)
    {
        // Nothing here may throw (an exception cannot cross back into SQLite): a field store only.
        if (GCHandle.FromIntPtr(target).Target is SqliteCheckpointer checkpointer)
        {
            checkpointer.LogFrames = frames;
        }

        return 0;
    }

    // The library the SQLitePCLRaw bundle loads (its provider imports the same name).
    [LibraryImport("e_sqlite3")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial IntPtr sqlite3_wal_hook(IntPtr database, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int> hook, IntPtr argument);
}
