using System.Net;
using System.Text;
using System.Text.Json;

namespace Mirt.Testing.ManyChat;

/// <summary>Reads one request, applies a queued fault, checks path, key, rate and body, and answers.</summary>
public sealed partial class ManyChatStandIn
{
    private const int MaxBodyBytes = 1024 * 1024;
    private const string SendContentPath = "/fb/sending/sendContent";
    private const string AddTagPath = "/fb/subscriber/addTagByName";
    private const string RemoveTagPath = "/fb/subscriber/removeTagByName";
    private const string SetFieldPath = "/fb/subscriber/setCustomFieldByName";
    private const string ServerException = """{"status":"exception","message":"Something went wrong"}""";

    private async Task AnswerAsync(HttpListenerContext context, DateTimeOffset at)
    {
        var response = context.Response;
        var path = context.Request.Url?.AbsolutePath ?? "/";
        try
        {
            var body = await ReadBodyAsync(context.Request);
            _faults.TryDequeue(out var fault);
            if (fault?.Kind == ManyChatFaultKind.Delay)
            {
                await Task.Delay(fault.Duration, _http.Stopping);
            }

            if (fault?.Kind == ManyChatFaultKind.DropConnection)
            {
                _requests.Enqueue(new ManyChatStandInRequest(path, null, 0, null, body ?? "", at));
                // HttpListener writes the response head even on Abort; declaring a body that never comes makes the
                // client see the connection end mid-answer, as after a real drop.
                response.StatusCode = 502;
                response.ContentLength64 = 64;
                response.Abort();
                return;
            }

            long? subscriber = null;
            var answer = fault?.Kind == ManyChatFaultKind.ServerError
                ? new ManyChatStandInAnswer(fault.Status, ServerException)
                : body is null
                    ? ManyChatStandInAnswer.Error($"The body is larger than {MaxBodyBytes} bytes.")
                    : Handle(context.Request, path, body, at, out subscriber);
            _requests.Enqueue(new ManyChatStandInRequest(path, subscriber, answer.Status, answer.Code, body ?? "", at));

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            response.StatusCode = answer.Status;
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _http.Stopping);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client hung up (its timeout or cancellation) or the stand-in is stopping: nothing to answer.
            response.Abort();
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private ManyChatStandInAnswer Handle(HttpListenerRequest request, string path, string body, DateTimeOffset at, out long? subscriber)
    {
        subscriber = null;
        if (path is not (SendContentPath or AddTagPath or RemoveTagPath or SetFieldPath))
        {
            return ManyChatStandInAnswer.Error($"Unknown method {path}.", status: 404);
        }

        if (request.HttpMethod != "POST")
        {
            return ManyChatStandInAnswer.Error($"{path} accepts POST only.", status: 405);
        }

        if (request.Headers["Authorization"] != $"Bearer {ApiKey}")
        {
            return ManyChatStandInAnswer.Error("Unauthorized: the Authorization header must be 'Bearer <page-id>:<api-key>'.", status: 401);
        }

        bool withinLimit;
        lock (_gate)
        {
            withinLimit = path == SendContentPath
                ? _sendWindow.TryEnter(at, SendContentPerSecond)
                : _tagFieldWindow.TryEnter(at, TagFieldPerSecond);
        }

        if (!withinLimit)
        {
            return ManyChatStandInAnswer.Error("Too many requests");
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ManyChatStandInAnswer.Error("Validation error: Content-Type must be application/json.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return ManyChatStandInAnswer.Error("Validation error: the body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("subscriber_id", out var id) || id.ValueKind != JsonValueKind.Number
                || !id.TryGetInt64(out var subscriberId) || subscriberId <= 0)
            {
                return ManyChatStandInAnswer.Error("Validation error: subscriber_id must be a positive integer.");
            }

            subscriber = subscriberId;
            return path switch
            {
                SendContentPath => SendContent(root, subscriberId, at),
                SetFieldPath => SetField(root, subscriberId),
                _ => Tag(root, subscriberId, add: path == AddTagPath),
            };
        }
    }
}
