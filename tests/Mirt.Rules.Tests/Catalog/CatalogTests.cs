using Mirt.Rules.Catalog;

namespace Mirt.Rules.Tests.Catalog;

public class CatalogTests
{
    private static readonly Mirt.Rules.Catalog.Catalog Catalog = CatalogLoader.LoadDefault();

    [Theory]
    [InlineData("ANNA-PINK", "anna")]
    [InlineData("anna-pink", "anna")]
    [InlineData("VALERI-UNIVERSAL", "valeri")]
    [InlineData("TRENCH-ECO-MILK", "trench-eco")]
    [InlineData("TRENCH-NAVY", "trench")]
    public void FindBySku_KnownSku_ReturnsOwningModel(string sku, string expectedId) =>
        Catalog.FindBySku(sku)!.Id.Should().Be(expectedId);

    [Theory]
    [InlineData("ANNA-WHITE")]
    [InlineData("")]
    [InlineData("ANNA")]
    public void FindBySku_UnknownSku_ReturnsNull(string sku) => Catalog.FindBySku(sku).Should().BeNull();

    [Fact]
    public void FindById_UnknownId_ReturnsNull() => Catalog.FindById("coat").Should().BeNull();

    [Theory]
    [InlineData("dresses", "anna")]
    [InlineData("suits", "valeri,rytm,kapryz,laguna,mriia,mereia")]
    [InlineData("outerwear", "trench-eco,trench")]
    public void InCategory_Category_ListsModelsInCatalogOrder(string categoryId, string ids) =>
        Catalog.InCategory(categoryId).Select(p => p.Id).Should().Equal(ids.Split(','));

    [Fact]
    public void InCategory_UnknownCategory_ReturnsEmpty() => Catalog.InCategory("shoes").Should().BeEmpty();

    [Fact]
    public void FindCategory_Known_ReturnsUkrainianName() => Catalog.FindCategory("outerwear")!.Name.Should().Be("верхній одяг");

    [Fact]
    public void FindSize_Label_ReturnsSizeWithPrice() =>
        Catalog.FindById("mereia")!.FindSize("134-140")!.PriceUah.Should().Be(2150);

    [Fact]
    public void FindColor_CaseInsensitive_ReturnsVariant() =>
        Catalog.FindById("anna")!.FindColor("Рожевий")!.Sku.Should().Be("ANNA-PINK");
}
