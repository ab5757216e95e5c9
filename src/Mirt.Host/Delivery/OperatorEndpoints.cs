using Mirt.Host.Web;

namespace Mirt.Host.Delivery;

/// <summary>
/// Maps the operator endpoints: <c>POST /conversations/{id}/release</c> gives a handed-off conversation back to the bot.
/// They take <c>Authorization: Bearer {MIRT_ADMIN_TOKEN}</c>, compared in constant time; without a configured token
/// they refuse every request.
/// </summary>
internal static class OperatorEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapOperatorEndpoints(this WebApplication app)
    {
        app.MapPost("/conversations/{id}/release", ReleaseAsync);
        return app;
    }

    private static async Task<IResult> ReleaseAsync(string id, HttpContext http, DeliveryRuntime runtime, OperatorToken token, EscalationMarker marker, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Mirt.Host.Delivery");
        if (!token.IsConfigured)
        {
            return Results.Json(new { error = "Operator endpoints are off: set MIRT_ADMIN_TOKEN and send it as 'Authorization: Bearer <token>'." }, statusCode: StatusCodes.Status403Forbidden);
        }

        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (presented is null || !token.Secret.Accepts(presented))
        {
            HostLog.WebhookRejected(logger, StatusCodes.Status401Unauthorized, "operator token missing or wrong");
            return Results.Json(new { error = "The Authorization header is missing or its bearer token is wrong." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return Results.Json(new { error = "The conversation id must be a ManyChat subscriber id (1-64 characters)." }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!await runtime.Store.ReleaseHandoffAsync(id, http.RequestAborted).ConfigureAwait(false))
        {
            return Results.Json(new { error = $"Conversation {id} is not handed off; nothing to release." }, statusCode: StatusCodes.Status404NotFound);
        }

        DeliveryLog.HandoffReleased(logger, id);
        DeliveryTelemetry.Handoff("released");
        await marker.UnmarkAsync(id).ConfigureAwait(false);
        return Results.Ok(new { released = id });
    }
}
