using Mirt.Prompts.Checking;
using Mirt.Prompts.Loading;
using Mirt.Prompts.Tests.Fixtures;

namespace Mirt.Prompts.Tests.Checking;

public sealed class TemplateVariableCheckerTests
{
    private static readonly Dictionary<string, PromptSource> Partials = new(StringComparer.Ordinal)
    {
        ["persona_sign"] = new("shared/persona_sign.hbs", "shared/persona_sign", "{{customer.fullName}}"),
        ["line"] = new("shared/line.hbs", "shared/line", "{{name}} {{@index}}"),
        ["titled"] = new("shared/titled.hbs", "shared/titled", "{{title}}: {{productName}}"),
    };

    [Theory]
    [InlineData("{{productName}} {{priceUah}} {{isVip}} {{status}}")]
    [InlineData("{{customer.fullName}} {{customer/phone}} {{this.productName}} {{./productName}}")]
    [InlineData("{{#each products}}{{name}} {{@index}} {{#if @first}}x{{/if}}{{@last}}{{@key}} {{../productName}}{{/each}}")]
    [InlineData("{{#each products}}{{#eq name ../productName}}same{{/eq}}{{/each}}")]
    [InlineData("{{#each products as |line i|}}{{line.name}} {{i}} {{#with ../customer}}{{line.quantity}}{{/with}}{{/each}}")]
    [InlineData("{{#each products}}x{{else}}{{productName}}{{/each}}")]
    [InlineData("{{#with customer}}{{fullName}} {{../productName}} {{@root.productName}}{{/with}}")]
    [InlineData("{{#each tags}}{{this}} {{.}}{{/each}}")]
    [InlineData("{{money priceUah}} {{join tags \", \"}} {{join tags}} {{money 12.5}}")]
    [InlineData("{{#eq status \"Paid\"}}a{{else}}b{{/eq}} {{#any products}}a{{else}}b{{/any}}")]
    [InlineData("{{#if isVip}}a{{else if customer.phone}}b{{else}}c{{/if}} {{#unless isVip}}d{{/unless}} {{^isVip}}e{{/isVip}}")]
    [InlineData("{{! {{nothing}} }}{{!-- {{nothing}} }} --}}{{~productName~}} {{{productName}}} {{&productName}}")]
    [InlineData("{{products.count}} {{products.[0].name}} {{products.0.priceUah}} {{money (lookup products 0)}}")]
    [InlineData("\\{{notAVariable}} {{> persona_sign}} {{#each products}}{{> line}}{{/each}}")]
    [InlineData("{{> titled title=customer.fullName}} {{> persona_sign this}}")]
    [InlineData("{{#*inline \"local\"}}{{productName}}{{/inline}}{{> local}}")]
    public void Check_ValidTemplate_ReportsNothing(string template)
    {
        Check(template).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{{prodctName}}", "unknown variable 'prodctName' for model OfferModel (known: productName, priceUah, customer, products, tags, isVip, status)")]
    [InlineData("{{customer.fulName}}", "unknown variable 'customer.fulName' for model CustomerModel (known: fullName, phone)")]
    [InlineData("{{#each products}}{{productName}}{{/each}}", "unknown variable 'productName' for model OfferLine")]
    [InlineData("{{#each products}}x{{else}}{{name}}{{/each}}", "unknown variable 'name' for model OfferModel")]
    [InlineData("{{#each products as |line|}}{{line.nam}}{{/each}}", "unknown variable 'line.nam' for model OfferLine")]
    [InlineData("{{#each products}}{{../../productName}}{{/each}}", "'../../productName' climbs 2 level(s) up")]
    [InlineData("{{../productName}}", "'../productName' climbs 1 level(s) up")]
    [InlineData("{{@index}}", "'@index' is only set inside")]
    [InlineData("{{@idx}}", "unknown data variable '@idx'")]
    [InlineData("{{@root.prodctName}}", "unknown variable '@root.prodctName'")]
    [InlineData("{{money}}", "helper 'money' takes 1 argument but got 0")]
    [InlineData("{{money priceUah customer}}", "helper 'money' takes 1 argument but got 2")]
    [InlineData("{{mony priceUah}}", "unknown helper 'mony'")]
    [InlineData("{{eq status \"Paid\"}}", "'eq' is a block helper")]
    [InlineData("{{#money priceUah}}{{/money}}", "'money' is not a block helper")]
    [InlineData("{{#customer}}{{fullName}}{{/customer}}", "unknown block helper '#customer'")]
    [InlineData("{{#each productName}}{{/each}}", "'#each productName' needs a list, but 'productName' is a String")]
    [InlineData("{{customer}}", "'customer' is a CustomerModel object, not text")]
    [InlineData("{{products}}", "'products' is a list (IReadOnlyList<OfferLine>), not text")]
    [InlineData("{{products.name}}", "'products.name' reads 'name' from a list")]
    [InlineData("{{productName.length}}", "'productName.length' reads 'length' from a String, which has no members")]
    [InlineData("{{join products.nme \", \"}}", "'products.nme' reads 'nme' from a list")]
    [InlineData("{{#eq stauts \"Paid\"}}{{/eq}}", "unknown variable 'stauts'")]
    [InlineData("{{money (lookup missing 0)}}", "unknown variable 'missing'")]
    [InlineData("{{#if isVip}}a{{else if isVipp}}b{{/if}}", "unknown variable 'isVipp'")]
    [InlineData("{{> titled}}", "unknown variable 'title' for model OfferModel")]
    [InlineData("{{> persona_sign customer}}", "unknown variable 'customer.fullName' for model CustomerModel")]
    [InlineData("{{> nope}}", "unknown partial 'nope'; add shared/nope.hbs or fix the name (known: line, persona_sign, titled)")]
    [InlineData("{{#if isVip}}", "'{{#if}}' is never closed")]
    [InlineData("{{/if}}", "'{{/if}}' closes nothing")]
    [InlineData("{{else}}", "'{{else}}' is outside any block")]
    [InlineData("{{#if isVip}}{{/each}}", "'{{/each}}' does not match '{{#if}}' opened on line 1")]
    [InlineData("{{productName", "a '{{' tag is never closed")]
    [InlineData("{{join tags \", }}", "is never closed")]
    [InlineData("{{money x=}}", "the hash argument 'x=' has no value")]
    public void Check_InvalidTemplate_ReportsProblem(string template, string expected)
    {
        Check(template).Should().ContainSingle().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Check_JsonNamesDictionariesAndObjectProperties_FollowTheSerializerContract()
    {
        const string valid = "{{title}} {{when}} {{counts.anything}} {{#each counts}}{{@key}}={{this}}{{/each}} {{extra.whatever}}";

        CheckWith(valid, typeof(RenamedModel)).Should().BeEmpty();
        CheckWith("{{heading}}\n{{secret}}", typeof(RenamedModel)).Select(p => p.Message).Should().Equal(
            "unknown variable 'heading' for model RenamedModel (known: title, when, counts, extra)",
            "unknown variable 'secret' for model RenamedModel (known: title, when, counts, extra)");
    }

    [Fact]
    public void Check_ProblemsOnSeveralLines_ReportsEachLine()
    {
        var problems = Check("{{productName}}\n{{!-- two\nlines --}}\n{{prodctName}}\n\n{{#each products}}\n  {{nam}}\n{{/each}}");

        problems.Select(p => p.Line).Should().Equal(4, 7);
    }

    [Fact]
    public void Check_Problems_PointAtTheColumnOfTheTag()
    {
        var problems = Check("Ось {{prodctName}}\n  {{#each products}}\n{{/each}} і {{nam}}\n\t{{#if isVip}}");

        problems.Select(p => $"{p.Line}:{p.Column}").Should().Equal("1:5", "3:13", "4:2");
        problems[^1].Message.Should().Contain("never closed");
    }

    [Fact]
    public void Check_WithoutModelType_ChecksOnlySyntaxAndPartials()
    {
        var problems = CheckWith("{{anything.goes}} {{@index}} {{../x}}\n{{> nope}}\n{{#if x}}", modelType: null);

        problems.Select(p => p.Line).Should().Equal(2, 3);
    }

    [Fact]
    public void Check_PartialIncludingItself_ReportsCycle()
    {
        var partials = new Dictionary<string, PromptSource>(StringComparer.Ordinal)
        {
            ["a"] = new("shared/a.hbs", "shared/a", "{{> b}}"),
            ["b"] = new("shared/b.hbs", "shared/b", "{{> a}}"),
        };

        var problems = CheckWith("{{> a}}", typeof(OfferModel), partials);

        problems.Should().ContainSingle().Which.Should().Be(
            new PromptProblem("shared/b.hbs", 1, "partial 'a' includes itself (a > b > a); break the cycle"));
    }

    private static IReadOnlyList<PromptProblem> Check(string template) => CheckWith(template, typeof(OfferModel));

    private static IReadOnlyList<PromptProblem> CheckWith(
        string template,
        Type? modelType,
        IReadOnlyDictionary<string, PromptSource>? partials = null)
    {
        var problems = new ProblemCollector();
        TemplateVariableChecker.Check(new PromptSource("offer/made.hbs", "offer/made", template), modelType, partials ?? Partials, problems);
        return problems.ToSortedList();
    }
}
