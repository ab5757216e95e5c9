using Mirt.Prompts.Models;
using Mirt.Prompts.Tests.Fixtures;

namespace Mirt.Prompts.Tests.Models;

public sealed class ModelTreeConverterTests
{
    [Fact]
    public void ToTree_NestedModel_ProducesCamelCaseDictionariesListsAndPrimitives()
    {
        var tree = ModelTreeConverter.ToTree(OfferModel.Sample, typeof(OfferModel));

        tree.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["productName"] = "Сукня Мирт",
            ["priceUah"] = 2050L,
            ["customer"] = new Dictionary<string, object?> { ["fullName"] = "Олена Коваль", ["phone"] = "+380501112233" },
            ["products"] = new List<object?>
            {
                new Dictionary<string, object?> { ["name"] = "Сукня", ["priceUah"] = 1500L, ["quantity"] = 1L },
                new Dictionary<string, object?> { ["name"] = "Пояс", ["priceUah"] = 550L, ["quantity"] = 2L },
            },
            ["tags"] = new List<object?> { "льон", "літо" },
            ["isVip"] = true,
            ["status"] = "Paid",
        });
    }

    [Fact]
    public void ToTree_JsonAttributesNullsAndDictionaries_FollowTheSameContractAsValidation()
    {
        var model = new RenamedModel("Знижка", "hidden", null, new Dictionary<string, int> { ["Size M"] = 3 }, 57.5m);

        var tree = (Dictionary<string, object?>)ModelTreeConverter.ToTree(model, typeof(RenamedModel))!;

        tree.Keys.Should().BeEquivalentTo("title", "when", "counts", "extra");
        tree["when"].Should().BeNull();
        tree["counts"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["Size M"] = 3L });
        tree["extra"].Should().Be(57.5m);
        ModelShapeFactory.For(typeof(RenamedModel)).DescribeMembers().Should().Be("known: title, when, counts, extra");
    }
}
