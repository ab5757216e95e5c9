using Mirt.Graph.Diagnostics;

namespace Mirt.Graph.Tests.Diagnostics;

public sealed class ThreadIdMaskTests
{
    [Fact]
    public void Hash_IsTheFirstSixteenHexDigitsOfSha256()
    {
        // printf '380671234567' | sha256sum | cut -c1-16
        ThreadIdMask.Hash("380671234567").Should().Be("240406bc84a49ab3");
    }

    [Fact]
    public void Hash_SameIdSameHash_DifferentIdDifferentHash()
    {
        ThreadIdMask.Hash("ig-1").Should().Be(ThreadIdMask.Hash("ig-1"));
        ThreadIdMask.Hash("ig-1").Should().NotBe(ThreadIdMask.Hash("ig-2"));
    }
}
