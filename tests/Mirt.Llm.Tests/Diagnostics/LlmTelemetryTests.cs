using Mirt.Llm.Diagnostics;

namespace Mirt.Llm.Tests.Diagnostics;

/// <summary>The names are a contract with ops/prometheus/alerts.yml and the dashboard.</summary>
public sealed class LlmTelemetryTests
{
    [Fact]
    public void Names_AreTheOnesTheAlertRulesUse()
    {
        LlmTelemetry.MeterName.Should().Be("Mirt.Llm");
        LlmTelemetry.LlmLatency.Should().Be("llm_latency_ms");
        LlmTelemetry.LlmErrors.Should().Be("llm_errors");
        LlmTelemetry.LlmTokens.Should().Be("llm_tokens");
        LlmTelemetry.LlmCostUsd.Should().Be("llm_cost_usd");
        LlmTelemetry.ToolLatency.Should().Be("tool_latency_ms");
    }
}
