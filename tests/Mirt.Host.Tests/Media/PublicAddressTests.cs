using System.Net;
using Mirt.Host.Media;

namespace Mirt.Host.Tests.Media;

public sealed class PublicAddressTests
{
    [Theory]
    [InlineData("157.240.1.35")] // a Meta CDN address
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")] // just below carrier-grade NAT
    [InlineData("172.32.0.1")] // just above 172.16/12
    [InlineData("2a03:2880:f10c:83:face:b00c:0:25de")]
    [InlineData("::ffff:157.240.1.35")] // IPv4-mapped public
    public void IsPublic_PublicUnicast_IsTrue(string address) =>
        PublicAddress.IsPublic(IPAddress.Parse(address)).Should().BeTrue();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")] // carrier-grade NAT
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("192.0.2.10")]
    [InlineData("198.18.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped loopback
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("2002:c0a8:0101::1")] // 6to4 of 192.168.1.1
    [InlineData("2001:db8::1")]
    public void IsPublic_NonPublicRange_IsFalse(string address) =>
        PublicAddress.IsPublic(IPAddress.Parse(address)).Should().BeFalse();
}
