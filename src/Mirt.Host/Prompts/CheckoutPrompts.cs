using Mirt.Host.Settings;

namespace Mirt.Host.Prompts;

/// <summary>Points a Development host at the prompts being edited rather than the build's copy of them.</summary>
internal static class CheckoutPrompts
{
    /// <summary>
    /// Returns <paramref name="settings"/> with <see cref="MirtSettings.PromptsDirectory"/> set to the nearest
    /// <c>prompts/</c> at or above the working directory when the environment is Development and
    /// <c>MIRT_PROMPTS_DIR</c> is not set. Otherwise the default resolution picks the copy next to the executable, which
    /// <c>dotnet run</c> refreshes only on build, so hot reload would watch files nobody edits.
    /// </summary>
    /// <param name="settings">The settings read from configuration.</param>
    /// <param name="environment">The host environment.</param>
    /// <param name="workingDirectory">Where to start looking; <see langword="null"/> for the current directory.</param>
    /// <returns>The settings to use; unchanged outside Development, with a configured directory or without a checkout.</returns>
    public static MirtSettings PreferCheckoutPrompts(this MirtSettings settings, IHostEnvironment environment, string? workingDirectory = null)
    {
        if (!environment.IsDevelopment() || !string.IsNullOrWhiteSpace(settings.PromptsDirectory))
        {
            return settings;
        }

        for (var dir = new DirectoryInfo(workingDirectory ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts");
            if (Directory.Exists(candidate))
            {
                return settings with { PromptsDirectory = candidate };
            }
        }

        return settings;
    }
}
