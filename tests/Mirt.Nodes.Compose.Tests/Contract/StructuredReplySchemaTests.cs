using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Mirt.Nodes.Compose.Contract;
using Mirt.Rules.Domain;

namespace Mirt.Nodes.Compose.Tests.Contract;

/// <summary>Keeps the hand-written schema equal to the C# contract and to the domain's names.</summary>
public sealed class StructuredReplySchemaTests
{
    private static readonly JsonElement Schema = StructuredReplySchema.Schema;

    [Fact]
    public void Schema_HasTheSamePropertiesAsTheRecords_AllRequiredAndClosed()
    {
        var generated = AIJsonUtilities.CreateJsonSchema(typeof(StructuredReply), serializerOptions: StructuredReplySchema.SerializerOptions);

        Shape(Schema).Should().BeEquivalentTo(Shape(generated));
        foreach (var path in Objects(Schema, "$"))
        {
            var (node, name) = path;
            node.GetProperty("additionalProperties").GetBoolean().Should().BeFalse($"{name} is closed, as strict structured outputs need");
            node.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should()
                .BeEquivalentTo(node.GetProperty("properties").EnumerateObject().Select(p => p.Name), $"every field of {name} is required");
        }
    }

    [Fact]
    public void Schema_StateAndIntentEnums_AreTheDomainsNames()
    {
        Enum("state").Should().BeEquivalentTo(WireNames<ConversationState>());
        Enum("intent").Should().BeEquivalentTo(WireNames<Intent>());
        Schema.GetProperty("properties").GetProperty("escalation").GetProperty("properties").GetProperty("reason").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).Should().Equal(EscalationReasons.All);
    }

    [Fact]
    public void ResponseFormat_CarriesTheSchemaAndItsName()
    {
        StructuredReplySchema.ResponseFormat.SchemaName.Should().Be("structured_reply");
        JsonElement.DeepEquals(StructuredReplySchema.ResponseFormat.Schema!.Value, Schema).Should().BeTrue();
    }

    [Fact]
    public void SerializerOptions_RoundTripASnakeCaseReply()
    {
        var reply = new StructuredReply(["Так"], "STATE_4_OFFER", "GREETING_ONLY", [new("ANNA-PINK", null, null)], new("Іваненко Марія", null, null, "25"), null, 0.5);

        var json = JsonSerializer.Serialize(reply, StructuredReplySchema.SerializerOptions);

        json.Should().Contain("\"full_name\":").And.Contain("\"confidence\":0.5");
        JsonSerializer.Deserialize<StructuredReply>(json, StructuredReplySchema.SerializerOptions).Should().BeEquivalentTo(reply);
    }

    // Property paths of every object in the schema, e.g. "customer.full_name"; arrays step into their items.
    private static List<string> Shape(JsonElement schema, string prefix = "")
    {
        var paths = new List<string>();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var path = prefix + property.Name;
                paths.Add(path);
                paths.AddRange(Shape(property.Value, path + "."));
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            paths.AddRange(Shape(items, prefix));
        }

        return paths;
    }

    private static IEnumerable<(JsonElement Node, string Name)> Objects(JsonElement schema, string name)
    {
        if (schema.TryGetProperty("properties", out var properties))
        {
            yield return (schema, name);
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var nested in Objects(property.Value, name + "." + property.Name))
                {
                    yield return nested;
                }
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            foreach (var nested in Objects(items, name + "[]"))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<string?> Enum(string property) =>
        Schema.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString());

    private static IEnumerable<string> WireNames<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(T))
            .Select(p => p.GetValue(null)!.ToString()!);
}
