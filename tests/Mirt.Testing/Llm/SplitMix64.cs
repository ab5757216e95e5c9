namespace Mirt.Testing.Llm;

/// <summary>A tiny seeded pseudo-random generator (SplitMix64) whose sequence is fixed by its algorithm, not by the
/// runtime: <see cref="Random"/> makes no promise that a seed gives the same numbers on every .NET version, and the
/// GGUF the tests generate must be byte-for-byte the same everywhere.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Returns a float uniformly spread over [-amplitude, amplitude).</summary>
    public float NextSymmetric(float amplitude)
    {
        // The top 24 bits give every float in [0, 1) the same weight; the result is exact, so no platform rounding.
        var unit = (NextUInt64() >> 40) * (1.0f / (1 << 24));
        return ((unit * 2f) - 1f) * amplitude;
    }
}
