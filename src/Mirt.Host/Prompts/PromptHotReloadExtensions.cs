using Microsoft.Extensions.DependencyInjection.Extensions;
using Mirt.Host.Prompts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the prompt hot reload of the Development host.</summary>
internal static class PromptHotReloadExtensions
{
    /// <summary>Adds <see cref="PromptHotReload"/> when <paramref name="environment"/> is Development
    /// (<c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c>); in any other environment the templates loaded at
    /// start-up stay for the life of the process.</summary>
    /// <param name="services">The host's services; a <see cref="Mirt.Sales.Assistant.SalesAssistant"/> must be registered.</param>
    /// <param name="environment">The host environment.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddMirtPromptHotReload(this IServiceCollection services, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            services.TryAddSingleton(TimeProvider.System);
            services.AddHostedService<PromptHotReload>();
        }

        return services;
    }
}
