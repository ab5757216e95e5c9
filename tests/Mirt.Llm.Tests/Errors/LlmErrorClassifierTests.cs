using Mirt.Llm.Errors;

namespace Mirt.Llm.Tests.Errors;

public sealed class LlmErrorClassifierTests
{
    public static TheoryData<Exception, bool> TransientExamples => new()
    {
        // positive
        { Samples.ConnectionRefused(), true },
        { Samples.Http(500), true },
        { Samples.Http(502), true },
        { Samples.Http(503), true },
        { Samples.Http(429), true },
        { Samples.Http(408), true },
        { new TimeoutException("transport"), true },
        { new TaskCanceledException("HttpClient.Timeout", new TimeoutException()), true },
        { new IOException("connection reset"), true },
        { new ProviderException(400, isTransient: true), true },
        { new StatusOnlyException(503), true },

        // negative
        { Samples.Http(400), false },
        { Samples.Http(401), false },
        { Samples.Http(403), false },
        { Samples.Http(404), false },
        { new OperationCanceledException(), false },
        { new TaskCanceledException(), false },
        { new ProviderException(503, isTransient: false), false },
        { new StatusOnlyException(401), false },
        { new LlmTimeoutException(6000, null), false },
        { new LlmUnavailableException(), false },
        { new InvalidOperationException("bug"), false },
        { new FormatException("bad json"), false },
    };

    public static TheoryData<Exception, string> ReasonExamples => new()
    {
        { Samples.Http(401), "auth" },
        { Samples.Http(403), "auth" },
        { new ProviderException(401, isTransient: false), "auth" },
        { new StatusOnlyException(403), "auth" },
        { Samples.Http(429), "rate_limited" },
        { new TimeoutException(), "timeout" },
        { new TaskCanceledException("HttpClient.Timeout", new TimeoutException()), "timeout" },
        { new InvalidOperationException("an adapter's own timeout", new OperationCanceledException("sdk", new TimeoutException())), "timeout" },
        { new LlmTimeoutException(6000, null), "timeout" },
        { new LlmUnavailableException(LlmFailureReason.Auth, ["m"], "no model", null), "auth" },
        { Samples.Http(500), "error" },
        { Samples.ConnectionRefused(), "error" },
        { new InvalidOperationException(), "error" },
    };

    [Theory]
    [MemberData(nameof(TransientExamples))]
    public void IsTransient_Example_MatchesTable(Exception exception, bool expected) =>
        LlmErrorClassifier.IsTransient(exception).Should().Be(expected);

    [Theory]
    [MemberData(nameof(ReasonExamples))]
    public void ReasonOf_Example_MatchesTable(Exception exception, string expected) =>
        LlmErrorClassifier.ReasonOf(exception).Value.Should().Be(expected);

    [Fact]
    public void StatusCodeOf_ConventionalProperties_AreRead()
    {
        LlmErrorClassifier.StatusCodeOf(Samples.Http(502)).Should().Be(502);
        LlmErrorClassifier.StatusCodeOf(new ProviderException(429, isTransient: true)).Should().Be(429);
        LlmErrorClassifier.StatusCodeOf(new StatusOnlyException(401)).Should().Be(401);
        LlmErrorClassifier.StatusCodeOf(Samples.ConnectionRefused()).Should().BeNull();
        LlmErrorClassifier.StatusCodeOf(new ProviderException(0, isTransient: false)).Should().BeNull();
    }

    /// <summary>Like the official SDK's ClientResultException: the status in an int property named Status.</summary>
    public sealed class StatusOnlyException(int status) : Exception("status only")
    {
        public int Status { get; } = status;
    }
}
