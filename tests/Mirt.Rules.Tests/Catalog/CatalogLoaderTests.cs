using System.Text.Json.Nodes;
using Mirt.Rules.Catalog;

namespace Mirt.Rules.Tests.Catalog;

public partial class CatalogLoaderTests
{
    private static readonly Mirt.Rules.Catalog.Catalog Default = CatalogLoader.LoadDefault();

    [Fact]
    public void LoadDefault_EmbeddedCatalog_HasTheNineModelsOfDomainMd()
    {
        Default.Products.Select(p => p.Name).Should().Equal(
            "Сукня «Анна»", "Костюм «Валері»", "Костюм «Ритм»", "Костюм «Каприз»", "Костюм «Лагуна»",
            "Костюм «Мрія»", "Костюм «Мерея»", "«Тренч екошкіра»", "«Тренч»");
    }

    [Theory]
    [InlineData("anna", "dresses", "сукні", 2050, "голубий,малина,чорний,червоний,шоколадний,рожевий,сірий")]
    [InlineData("valeri", "suits", "костюми", 2150, "універсальний")]
    [InlineData("rytm", "suits", "костюми", 2175, "рожевий,шоколадний,бордовий")]
    [InlineData("kapryz", "suits", "костюми", 2085, "рожевий,бордовий,шоколадний")]
    [InlineData("mereia", "suits", "костюми", 1985, "молочний")]
    [InlineData("trench-eco", "outerwear", "верхній одяг", 2380, "капучіно,молочний,чорний")]
    [InlineData("trench", "outerwear", "верхній одяг", 2580, "рожевий,голубий,темно-синій")]
    public void LoadDefault_Model_HasCategoryFirstPriceAndColours(string id, string categoryId, string categoryName, int firstPrice, string colors)
    {
        var product = Default.FindById(id)!;

        product.CategoryId.Should().Be(categoryId);
        product.CategoryName.Should().Be(categoryName);
        product.Sizes[0].PriceUah.Should().Be(firstPrice);
        product.Colors.Select(c => c.Color).Should().Equal(colors.Split(','));
        product.VisualDescription.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("anna", "110-116", "158-164", 5)]
    [InlineData("rytm", "98-104", "158-164", 6)]
    [InlineData("kapryz", "110-116", "158-164", 5)]
    [InlineData("laguna", "80-92", "158-164", 7)]
    [InlineData("mriia", "80-92", "158-164", 7)]
    [InlineData("mereia", "80-92", "158-164", 7)]
    [InlineData("trench-eco", "110-116", "158-164", 5)]
    [InlineData("trench", "110-116", "158-164", 5)]
    [InlineData("valeri", "98", "164", 12)]
    public void LoadDefault_Model_HasItsSizeRange(string id, string smallest, string largest, int count)
    {
        var sizes = Default.FindById(id)!.Sizes;

        sizes.Should().HaveCount(count);
        sizes[0].Label.Should().Be(smallest);
        sizes[^1].Label.Should().Be(largest);
    }

    [Fact]
    public void LoadDefault_EveryVariant_HasAsciiSkuAndDemoHttpsPhoto()
    {
        var variants = Default.Products.SelectMany(p => p.Colors).ToList();

        variants.Select(v => v.Sku).Should().OnlyHaveUniqueItems();
        variants.Should().OnlyContain(v => v.Sku.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'));
        variants.Should().OnlyContain(v => v.PhotoUrl.StartsWith("https://cdn.example.com/catalog/", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadDefault_Grid_HasTheSevenLabelsAndMaxHeights()
    {
        Default.Grid.Sizes.Select(s => (s.Label, s.MaxHeightCm)).Should().Equal(
            ("80-92", 92), ("98-104", 104), ("110-116", 120), ("122-128", 131), ("134-140", 143), ("146-152", 155), ("158-164", 168));
        (Default.Grid.MinHeightCm, Default.Grid.MaxHeightCm).Should().Be((80, 180));
    }

    [Fact]
    public void LoadDefault_Upsell_DressesCrossSellTrenchAndSuitsSecondColour()
    {
        Default.UpsellSettings.Should().BeEquivalentTo(new[]
        {
            new Mirt.Rules.Upsell.UpsellSetting("dresses", Mirt.Rules.Upsell.UpsellKind.CrossSell, "trench"),
            new Mirt.Rules.Upsell.UpsellSetting("suits", Mirt.Rules.Upsell.UpsellKind.SecondColor, null),
        });
    }

    [Fact]
    public void Load_PathToFile_LoadsTheSameCatalog()
    {
        var path = Path.Combine(Path.GetTempPath(), $"catalog-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.json");
        File.WriteAllText(path, CatalogJsonFixture.DefaultJson().ToJsonString());
        try
        {
            CatalogLoader.Load(path).Products.Should().HaveCount(9);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_BrokenJsonString_ThrowsValidationExceptionNamingJson()
    {
        var act = () => CatalogJsonFixture.Load("{ \"products\": [ { \"id\": \"anna\", ");

        act.Should().Throw<CatalogValidationException>().WithMessage("*not valid JSON*");
    }

    [Fact]
    public void Load_EmptyObject_ReportsMissingGridCategoriesAndProducts()
    {
        var act = () => CatalogJsonFixture.Load("{}");

        act.Should().Throw<CatalogValidationException>()
            .Which.Problems.Should().Contain(p => p.Contains("size_grid", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("categories", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("products", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SeveralProblems_CollectsAllBeforeThrowing()
    {
        var root = CatalogJsonFixture.DefaultJson();
        CatalogJsonFixture.Product(root, "anna")["description"] = "";
        CatalogJsonFixture.Product(root, "rytm")["prices_uah"] = new JsonArray(0);

        var act = () => CatalogJsonFixture.Load(root);

        var problems = act.Should().Throw<CatalogValidationException>().Which.Problems;
        problems.Should().HaveCount(2);
        act.Should().Throw<CatalogValidationException>().WithMessage("*2 problem(s)*'anna'*description*'rytm'*above 0 UAH*");
    }
}
