namespace Mirt.Host.Bench;

/// <summary>Holds what a store has written so far, read before and after the measured turns.</summary>
/// <param name="WrittenBytes">Bytes written so far: PostgreSQL, the write-ahead-log insert position in bytes from
/// <c>0/0</c> (<c>pg_current_wal_insert_lsn()</c>); SQLite, the bytes this process sent to storage
/// (<c>/proc/self/io</c> <c>write_bytes</c>, whole pages), or <see langword="null"/> where that file does not exist.</param>
/// <param name="StoreBytes">The size of the store: PostgreSQL, <c>pg_total_relation_size</c> summed over the saver's
/// tables (with indexes and TOAST); SQLite, the database file plus its <c>-wal</c> file.</param>
internal sealed record StoreSnapshot(long? WrittenBytes, long StoreBytes);
