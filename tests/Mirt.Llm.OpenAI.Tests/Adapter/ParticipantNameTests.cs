using Mirt.Llm.OpenAI.Requests;

namespace Mirt.Llm.OpenAI.Tests.Adapter;

public sealed class ParticipantNameTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("manager_1", "manager_1")]
    [InlineData("sales-bot", "sales-bot")]
    [InlineData("Olena K.", "Olena_K_")]
    [InlineData("Олена", "_____")]
    public void Sanitize_Name_KeepsOnlyLettersDigitsUnderscoreAndDash(string? name, string? expected) =>
        ParticipantName.Sanitize(name).Should().Be(expected);

    [Fact]
    public void Sanitize_LongName_CutsItToSixtyFourCharacters() =>
        ParticipantName.Sanitize(new string('a', 100)).Should().HaveLength(ParticipantName.MaxLength);
}
