using Mirt.Host.Observability;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Web;

/// <summary>
/// Maps the ManyChat webhook and the health endpoints.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Gets the largest body accepted, in bytes; a Dynamic Block body is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Maps <c>POST /webhooks/manychat</c>, <c>GET /health</c> and <c>GET /health/ready</c>.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapMirtEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/webhooks/manychat", HandleWebhookAsync);
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/health/ready", ReadyAsync);
        return app;
    }

    private static async Task<IResult> HandleWebhookAsync(HttpContext http, SalesAssistant assistant, SharedSecret secret, ILoggerFactory loggers)
    {
        using var endToEnd = EndToEndTelemetry.Start();
        var logger = loggers.CreateLogger("Mirt.Host.Webhook");
        if (!secret.Accepts(http.Request.Headers[SharedSecret.HeaderName]))
        {
            return Reject(logger, StatusCodes.Status401Unauthorized, $"The {SharedSecret.HeaderName} header is missing or wrong.");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Reject(logger, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        if (buffer.Length > MaxBodyBytes)
        {
            return Reject(logger, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        if (!ManyChatRequestParser.TryParse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out var request, out var error))
        {
            return Reject(logger, StatusCodes.Status400BadRequest, error!);
        }

        // Everything measured for this request (end-to-end latency included) carries the conversation's release.
        Mirt.Graph.Diagnostics.TelemetryContext.Release = assistant.ReleaseFor(request!.SubscriberId);

        // The turn is not tied to the request: a ManyChat time-out must not cancel a half-written conversation.
        var reply = await assistant.HandleAsync(
            new IncomingMessage(request!.SubscriberId, request.Text, request.ImageUrl, request.FirstName),
            CancellationToken.None).ConfigureAwait(false);
        TurnLog.Write(logger, reply);
        var body = DynamicBlockResponse.FromBubbles(reply.Replies).ToJson();
        endToEnd.Replied(reply.State, reply.Intent, reply.Release);
        return Results.Text(body, "application/json; charset=utf-8");
    }

    private static async Task<IResult> ReadyAsync(SalesAssistant assistant, CancellationToken cancellationToken)
    {
        var storeOk = await assistant.IsStoreReachableAsync(cancellationToken).ConfigureAwait(false);
        var body = new
        {
            status = storeOk ? "ready" : "not_ready",
            store = new { ok = storeOk, kind = assistant.StoreDescription.Split(' ')[0] },
            templates = new { ok = true, count = Mirt.Sales.Prompts.PromptReplyRenderer.Descriptors.Count },
            catalog = new { ok = true, products = assistant.Shop.Catalog.Products.Count },
            llm = new { configured = false, degraded = SalesAssistant.Degraded },
        };
        return storeOk ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Reject(ILogger logger, int status, string reason)
    {
        HostLog.WebhookRejected(logger, status, reason);
        return Results.Json(new { error = reason }, statusCode: status);
    }
}
