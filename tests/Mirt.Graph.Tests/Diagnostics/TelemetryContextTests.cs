using Mirt.Graph.Diagnostics;

namespace Mirt.Graph.Tests.Diagnostics;

public sealed class TelemetryContextTests
{
    [Fact]
    public async Task Release_NothingSet_IsStable()
    {
        // A fresh flow (not the test's, which other tests may have touched) sees the default.
        var release = await Task.Run(() => TelemetryContext.Release);

        release.Should().Be("stable");
    }

    [Fact]
    public async Task UseRelease_FlowsIntoAwaitedWorkAndRestoresOnDispose()
    {
        string inside;
        using (TelemetryContext.UseRelease(TelemetryContext.CanaryRelease))
        {
            await Task.Yield();
            inside = await Task.Run(() => TelemetryContext.Release);
        }

        inside.Should().Be("canary");
        TelemetryContext.Release.Should().Be("stable");
    }

    [Fact]
    public async Task Release_SetInOneFlow_DoesNotLeakIntoAnother()
    {
        using var started = new SemaphoreSlim(0);
        using var checkedOther = new SemaphoreSlim(0);
        var canary = Task.Run(async () =>
        {
            TelemetryContext.Release = "canary";
            started.Release();
            await checkedOther.WaitAsync();
            return TelemetryContext.Release;
        });
        await started.WaitAsync();

        var other = await Task.Run(() => TelemetryContext.Release);
        checkedOther.Release();

        other.Should().Be("stable");
        (await canary).Should().Be("canary");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Release_SetBlank_Throws(string value)
    {
        var set = () => TelemetryContext.Release = value;

        set.Should().Throw<ArgumentException>();
    }
}
