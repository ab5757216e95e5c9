using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Mirt.Testing.Hosting;

namespace Mirt.Host.Tests.Delivery;

/// <summary>An escalated conversation goes to a human and back (issue 5: human handoff).</summary>
public sealed class HandoffDeliveryTests
{
    private const string AdminToken = "operator-secret-1";

    [Fact]
    public async Task Complaint_TagsTheCustomerAndHoldsTheBot_UntilAnOperatorReleasesIt()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync(new Dictionary<string, string> { ["MIRT_ADMIN_TOKEN"] = AdminToken });
        const long customer = 5550601;
        var id = customer.ToString(CultureInfo.InvariantCulture);

        var complaint = await bed.SendAsync(host, customer, "Хочу повернути гроші, це обман");

        complaint.IsEmpty.Should().BeFalse("the bot apologises before the human takes over");
        (await DeliveryTestBed.EventuallyAsync(
            () => bed.ManyChat.TagsOf(customer).Contains("needs_human") && bed.ManyChat.FieldOf(customer, "mirt_intent") is not null,
            TimeSpan.FromSeconds(15))).Should().BeTrue(host.Log);
        bed.ManyChat.FieldOf(customer, "mirt_state")!.Value.GetString().Should().Be("STATE_8_COMPLAINT");
        bed.ManyChat.FieldOf(customer, "mirt_intent")!.Value.GetString().Should().Be("COMPLAINT");

        var whileHeld = await bed.SendAsync(host, customer, "Коли мені відповідять?");

        whileHeld.Status.Should().Be(200);
        whileHeld.IsEmpty.Should().BeTrue("a human has the conversation");
        var held = await DeliveryTestBed.MetricsAsync(host);
        held.Sum("delivery_messages_total", ("outcome", "held")).Should().Be(1);
        held.Sum("delivery_turns_total", ("outcome", "completed")).Should().Be(1, "the held message runs no turn");
        held.Sum("delivery_handoffs_total", ("event", "started")).Should().Be(1);

        (await ReleaseAsync(host, id, token: null)).Should().Be(HttpStatusCode.Unauthorized);
        (await ReleaseAsync(host, id, "wrong-token")).Should().Be(HttpStatusCode.Unauthorized);
        (await ReleaseAsync(host, id, AdminToken + "x")).Should().Be(HttpStatusCode.Unauthorized);
        bed.ManyChat.TagsOf(customer).Should().Contain("needs_human", "a refused release changes nothing");
        (await ReleaseAsync(host, id, AdminToken)).Should().Be(HttpStatusCode.OK);
        bed.ManyChat.TagsOf(customer).Should().NotContain("needs_human", "the release removes the tag before it answers");
        (await ReleaseAsync(host, id, AdminToken)).Should().Be(HttpStatusCode.NotFound, "nothing is handed off any more");

        var afterRelease = await bed.SendAsync(host, customer, "Є сукні для дівчинки?");

        afterRelease.IsEmpty.Should().BeFalse("the bot answers again after the release");
        var released = await DeliveryTestBed.MetricsAsync(host);
        released.Sum("delivery_turns_total", ("outcome", "completed")).Should().Be(2);
        released.Sum("delivery_handoffs_total", ("event", "released")).Should().Be(1);
        released.Sum("delivery_messages_total", ("outcome", "held")).Should().Be(1);
    }

    [Fact]
    public async Task Release_HostWithoutAdminToken_RefusesEveryRequestWith403()
    {
        await using var bed = DeliveryTestBed.Create();
        var host = await bed.StartHostAsync();

        (await ReleaseAsync(host, "5550602", token: null)).Should().Be(HttpStatusCode.Forbidden);
        (await ReleaseAsync(host, "5550602", AdminToken)).Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpStatusCode> ReleaseAsync(HostProcess host, string id, string? token)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/conversations/{id}/release");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
