namespace Mirt.Host.Bench;

/// <summary>Sums the checkpoint-store calls one turn made.</summary>
/// <param name="WriteMs">The summed duration of the turn's write calls (put, put-many, put-writes), in ms.</param>
/// <param name="Writes">How many write calls the turn made.</param>
/// <param name="ReadMs">The summed duration of the turn's reads (get), in ms.</param>
/// <param name="Reads">How many reads the turn made.</param>
/// <param name="ValueBytes">The UTF-8 size of the channel and pending-write values the turn's writes carried, in bytes.</param>
internal readonly record struct TurnStoreTime(double WriteMs, int Writes, double ReadMs, int Reads, long ValueBytes)
{
    /// <summary>Adds one write call.</summary>
    /// <param name="ms">Its duration, in ms.</param>
    /// <param name="bytes">The value bytes it carried.</param>
    /// <returns>The new sums.</returns>
    public TurnStoreTime AddWrite(double ms, long bytes) => this with { WriteMs = WriteMs + ms, Writes = Writes + 1, ValueBytes = ValueBytes + bytes };

    /// <summary>Adds one read call.</summary>
    /// <param name="ms">Its duration, in ms.</param>
    /// <returns>The new sums.</returns>
    public TurnStoreTime AddRead(double ms) => this with { ReadMs = ReadMs + ms, Reads = Reads + 1 };
}
