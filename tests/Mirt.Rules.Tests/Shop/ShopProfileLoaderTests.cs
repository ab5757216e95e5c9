using System.Text;
using System.Text.Json.Nodes;
using Mirt.Rules.Shop;

namespace Mirt.Rules.Tests.Shop;

public class ShopProfileLoaderTests
{
    private static JsonObject DefaultJson()
    {
        using var stream = typeof(ShopProfileLoader).Assembly.GetManifestResourceStream("Mirt.Rules.Data.shop.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static ShopProfile Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return ShopProfileLoader.Load(stream);
    }

    [Fact]
    public void LoadDefault_EmbeddedProfile_HasDomainFacts()
    {
        var shop = ShopProfileLoader.LoadDefault();

        shop.PersonaName.Should().Be("Софія");
        shop.PrepaymentUah.Should().Be(200);
        shop.CashOnDeliveryFeePercent.Should().Be(2);
        shop.CashOnDeliveryFeeFixedUah.Should().Be(20);
        shop.MaxReplyChars.Should().Be(900);
        shop.AllowedEmoji.Should().NotBeEmpty();
        shop.Requisites.Iban.Should().StartWith("UA").And.HaveLength(29);
        shop.Requisites.TaxId.Should().MatchRegex("^[0-9]{10}$");
        shop.Requisites.PaymentPurpose.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Load_PathToFile_LoadsProfile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"shop-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.json");
        File.WriteAllText(path, DefaultJson().ToJsonString());
        try
        {
            ShopProfileLoader.Load(path).ShopName.Should().NotBeNullOrWhiteSpace();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("persona_name", "\"\"", "*'persona_name' is required*")]
    [InlineData("shop_name", "null", "*'shop_name' is required*")]
    [InlineData("prepayment_uah", "0", "*'prepayment_uah' is 0*")]
    [InlineData("max_reply_chars", "-1", "*'max_reply_chars' is -1*")]
    [InlineData("allowed_emoji", "[]", "*'allowed_emoji' must list at least one emoji*")]
    [InlineData("requisites.iban", "\"UA743052990000026007233566002\"", "*'requisites.iban' 'UA743052990000026007233566002' is not a valid Ukrainian IBAN*")]
    [InlineData("requisites.iban", "\"DE89370400440532013000\"", "*not a valid Ukrainian IBAN*")]
    [InlineData("requisites.tax_id", "\"12345\"", "*'requisites.tax_id' '12345' must be 8 or 10 digits*")]
    [InlineData("requisites.recipient", "\" \"", "*'requisites.recipient' is required*")]
    [InlineData("requisites.payment_purpose", "null", "*'requisites.payment_purpose' is required*")]
    [InlineData("cash_on_delivery_fee.percent", "150", "*'cash_on_delivery_fee.percent' is 150*")]
    [InlineData("cash_on_delivery_fee.fixed_uah", "-20", "*'cash_on_delivery_fee.fixed_uah' is -20*")]
    public void Load_BrokenField_ThrowsWithClearProblem(string field, string jsonValue, string expectedMessage)
    {
        var root = DefaultJson();
        var path = field.Split('.');
        var parent = path.Length == 1 ? root : root[path[0]]!.AsObject();
        parent[path[^1]] = JsonNode.Parse(jsonValue);

        var act = () => Load(root.ToJsonString());

        act.Should().Throw<ShopProfileValidationException>().WithMessage(expectedMessage).Which.Problems.Should().ContainSingle();
    }

    [Fact]
    public void Load_EmptyObject_ListsEveryMissingField()
    {
        var act = () => Load("{}");

        act.Should().Throw<ShopProfileValidationException>().Which.Problems.Should().HaveCountGreaterThan(5);
    }

    [Fact]
    public void Load_BrokenJson_ThrowsValidationExceptionNamingJson()
    {
        var act = () => Load("{ \"persona_name\": ");

        act.Should().Throw<ShopProfileValidationException>().WithMessage("*not valid JSON*");
    }
}
