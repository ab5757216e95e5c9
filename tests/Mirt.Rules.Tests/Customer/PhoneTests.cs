using Mirt.Rules.Customer;

namespace Mirt.Rules.Tests.Customer;

public class PhoneTests
{
    [Theory]
    [InlineData("067 123 45 67", "+380671234567")]
    [InlineData("0671234567", "+380671234567")]
    [InlineData("+38(067)1234567", "+380671234567")]
    [InlineData("+38 (067) 123-45-67", "+380671234567")]
    [InlineData("380501112233", "+380501112233")]
    [InlineData("+380501112233", "+380501112233")]
    [InlineData("0501112233", "+380501112233")]
    [InlineData("050-111-22-33", "+380501112233")]
    [InlineData("(093) 111 22 33", "+380931112233")]
    [InlineData("8 063 111 22 33", "+380631112233")]
    [InlineData(" 097.111.22.33 ", "+380971112233")]
    [InlineData("+380 73 111 2233", "+380731112233")]
    public void TryNormalize_UkrainianMobile_ReturnsPlus380Form(string input, string expected)
    {
        Phone.TryNormalize(input, out var normalized).Should().BeTrue();
        normalized.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12345")]
    [InlineData("067 123 45 6")]
    [InlineData("067 123 45 678")]
    [InlineData("044 123 45 67")]
    [InlineData("+48 501 112 233")]
    [InlineData("+7 912 111 22 33")]
    [InlineData("067 123 45 67 Марія")]
    [InlineData("1234567890")]
    [InlineData("38+0671234567")]
    public void TryNormalize_NotAUkrainianMobile_ReturnsFalse(string? input)
    {
        Phone.TryNormalize(input, out var normalized).Should().BeFalse();
        normalized.Should().BeNull();
    }
}
