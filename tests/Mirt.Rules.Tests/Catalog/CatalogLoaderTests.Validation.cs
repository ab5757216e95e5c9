using System.Text.Json.Nodes;
using Mirt.Rules.Catalog;

namespace Mirt.Rules.Tests.Catalog;

public partial class CatalogLoaderTests
{
    [Theory]
    [InlineData("duplicate-sku", "*Product 'rytm': colour 'рожевий': duplicate sku 'ANNA-PINK', already used by Product 'anna'*")]
    [InlineData("duplicate-id", "*Product 'rytm': the model id is used twice*")]
    [InlineData("unknown-size", "*Product 'anna': size label '111-116' is not in the size grid*")]
    [InlineData("zero-price", "*Product 'anna': 'prices_uah' holds 0; every price must be above 0 UAH*")]
    [InlineData("negative-price", "*Product 'laguna': 'prices_uah' holds -5; every price must be above 0 UAH*")]
    [InlineData("empty-colors", "*Product 'anna': 'colors' is empty*")]
    [InlineData("tier-mismatch", "*Product 'laguna': 'prices_uah' has 2 price(s) for 7 sizes (tier count mismatch)*")]
    [InlineData("http-url", "*Product 'trench': colour 'рожевий': 'photo_url' 'http://cdn.example.com/x.jpg' is not an absolute https URL*")]
    [InlineData("relative-url", "*Product 'trench': colour 'рожевий': 'photo_url' 'catalog/x.jpg' is not an absolute https URL*")]
    [InlineData("missing-description", "*Product 'mereia': 'description' is missing*")]
    [InlineData("single-size-not-numeric", "*Product 'valeri': single size '98a' is not numeric*")]
    [InlineData("single-size-too-large", "*Product 'valeri': single size '176' lies outside the size grid*")]
    [InlineData("unknown-category", "*Product 'anna': 'category_id' 'shoes' names no category*")]
    [InlineData("sizes-out-of-order", "*Product 'kapryz': size '110-116' is out of order or repeated*")]
    [InlineData("non-ascii-sku", "*Product 'anna': colour 'голубий': sku 'АННА-1' must be ASCII*")]
    [InlineData("bad-alias", "*Product 'rytm': 'aliases' has the malformed pattern '*'*")]
    [InlineData("upsell-unknown-product", "*Upsell from 'dresses': 'product_id' 'coat' names no product*")]
    [InlineData("upsell-unknown-kind", "*Upsell from 'suits': 'kind' 'bundle' is unknown*")]
    [InlineData("grid-not-ascending", "*Grid size '98-104': 'max_height_cm' 90 must be above the previous size's 92*")]
    public void Load_BrokenField_ThrowsWithClearProblem(string breakage, string expectedMessage)
    {
        var root = CatalogJsonFixture.DefaultJson();
        Break(root, breakage);

        var act = () => CatalogJsonFixture.Load(root);

        act.Should().Throw<CatalogValidationException>().WithMessage(expectedMessage)
            .Which.Problems.Should().ContainSingle(p => expectedMessage.Trim('*').Split('*').All(part => p.Contains(part, StringComparison.Ordinal)));
    }

    private static void Break(JsonObject root, string breakage)
    {
        JsonObject P(string id) => CatalogJsonFixture.Product(root, id);
        JsonObject Color(string id, int index) => P(id)["colors"]![index]!.AsObject();
        switch (breakage)
        {
            case "duplicate-sku": Color("rytm", 0)["sku"] = "ANNA-PINK"; break;
            case "duplicate-id": P("kapryz")["id"] = "rytm"; break;
            case "unknown-size": P("anna")["sizes"]![0] = "111-116"; break;
            case "zero-price": P("anna")["prices_uah"] = new JsonArray(0); break;
            case "negative-price": P("laguna")["prices_uah"]![2] = -5; break;
            case "empty-colors": P("anna")["colors"] = new JsonArray(); break;
            case "tier-mismatch": P("laguna")["prices_uah"] = new JsonArray(1590, 1790); break;
            case "http-url": Color("trench", 0)["photo_url"] = "http://cdn.example.com/x.jpg"; break;
            case "relative-url": Color("trench", 0)["photo_url"] = "catalog/x.jpg"; break;
            case "missing-description": P("mereia").Remove("description"); break;
            case "single-size-not-numeric": P("valeri")["sizes"]![0] = "98a"; break;
            case "single-size-too-large": P("valeri")["sizes"]![11] = "176"; break;
            case "unknown-category": P("anna")["category_id"] = "shoes"; break;
            case "sizes-out-of-order": P("kapryz")["sizes"] = new JsonArray("122-128", "110-116", "134-140", "146-152", "158-164"); break;
            case "non-ascii-sku": Color("anna", 0)["sku"] = "АННА-1"; break;
            case "bad-alias": P("rytm")["aliases"] = new JsonArray("*"); break;
            case "upsell-unknown-product": root["upsell"]![0]!["product_id"] = "coat"; break;
            case "upsell-unknown-kind": root["upsell"]![1]!["kind"] = "bundle"; break;
            case "grid-not-ascending": root["size_grid"]!["sizes"]![1]!["max_height_cm"] = 90; break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "Unknown breakage.");
        }
    }
}
