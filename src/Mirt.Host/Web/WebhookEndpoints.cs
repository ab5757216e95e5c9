using Mirt.Delivery;
using Mirt.Host.Delivery;
using Mirt.Host.Observability;
using Mirt.Sales.Assistant;

namespace Mirt.Host.Web;

/// <summary>
/// Maps the ManyChat webhook and the health endpoints.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Gets the largest body accepted, in bytes; a Dynamic Block body is a few hundred bytes. Kestrel's
    /// <c>MaxRequestBodySize</c> is set to the same value.</summary>
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

    // Order: secret (cheap, and strangers must not spend the budget), process-wide limit, body, JSON, then the
    // subscriber's limit (the id is in the body). Only then is the message stored, and only a stored message is answered.
    private static async Task<IResult> HandleWebhookAsync(HttpContext http, SalesAssistant assistant, WebhookAnswerer answerer, SharedSecret secret, WebhookRateLimiter limits, ILoggerFactory loggers)
    {
        using var endToEnd = EndToEndTelemetry.Start();
        var logger = loggers.CreateLogger("Mirt.Host.Webhook");
        if (!secret.Accepts(http.Request.Headers[SharedSecret.HeaderName]))
        {
            return Reject(logger, StatusCodes.Status401Unauthorized, $"The {SharedSecret.HeaderName} header is missing or wrong.");
        }

        if (!limits.TryAcquireGlobal(out var globalWait))
        {
            return TooMany(http, logger, globalWait, $"The host takes at most {limits.Settings.Global} webhook requests (MIRT_RATE_GLOBAL)");
        }

        var (buffer, readStatus, readError) = await WebhookBody.ReadAsync(http.Request, MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (buffer is null)
        {
            // The rest of the body stays unread, so the connection cannot carry another request: say so, or the client
            // sends its next request into a connection Kestrel is about to close.
            http.Response.Headers.Connection = "close";
            return Reject(logger, readStatus, readError!);
        }

        if (!ManyChatRequestParser.TryParse(buffer, out var request, out var error))
        {
            return Reject(logger, StatusCodes.Status400BadRequest, error!);
        }

        if (!limits.TryAcquireForSubscriber(request!.SubscriberId, out var subscriberWait))
        {
            return TooMany(http, logger, subscriberWait, $"This subscriber sent more than {limits.Settings.PerSubscriber} messages (MIRT_RATE_PER_SUBSCRIBER)");
        }

        // Everything measured for this request (end-to-end latency included) carries the conversation's release.
        Mirt.Graph.Diagnostics.TelemetryContext.Release = assistant.ReleaseFor(request!.SubscriberId);
        var message = new InboundMessage(request.SubscriberId, request.Text, request.ImageUrl, request.FirstName, ContentHashes.Of(request.Text, request.ImageUrl));
        (string Kind, string Json) answer;
        try
        {
            answer = await answerer.AnswerAsync(message, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            // The store could not take the message, so nothing was acknowledged: a 503 sends ManyChat down the block's
            // fallback path and the customer's message is not silently dropped. Masked: the error may quote the customer.
            HostLog.TurnFailed(logger, request.SubscriberId, PiiMasker.Mask(ex.ToString()));
            return Results.Json(new { error = "The message could not be stored (the store is unreachable); it was not accepted. The error is logged as turn_failed." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Text(answer.Json, "application/json; charset=utf-8");
    }

    private static async Task<IResult> ReadyAsync(SalesAssistant assistant, DeliveryService delivery, DeliveryRuntime runtime, CancellationToken cancellationToken)
    {
        var storeOk = await assistant.IsStoreReachableAsync(cancellationToken).ConfigureAwait(false)
            && await runtime.Store.IsReachableAsync(cancellationToken).ConfigureAwait(false);
        var ready = storeOk && !delivery.Draining;
        var body = new
        {
            status = delivery.Draining ? "draining" : storeOk ? "ready" : "not_ready",
            store = new { ok = storeOk, kind = assistant.StoreDescription.Split(' ')[0] },
            delivery = new { mode = runtime.Mode.ToString().ToLowerInvariant(), push = runtime.CanPush, draining = delivery.Draining },
            templates = new { ok = true, count = Mirt.Sales.Prompts.PromptReplyRenderer.Descriptors.Count },
            catalog = new { ok = true, products = assistant.Shop.Catalog.Products.Count },
            llm = new { configured = !assistant.Degraded, degraded = assistant.Degraded },
        };
        return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Reject(ILogger logger, int status, string reason)
    {
        HostLog.WebhookRejected(logger, status, PiiMasker.Mask(reason));
        return Results.Json(new { error = reason }, statusCode: status);
    }

    // ASP.NET Core's rate limiter answers 503 by default; ManyChat and operators need 429 and when to come back.
    private static IResult TooMany(HttpContext http, ILogger logger, TimeSpan retryAfter, string limit)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Reject(logger, StatusCodes.Status429TooManyRequests, $"{limit}; retry after {seconds} s.");
    }
}
