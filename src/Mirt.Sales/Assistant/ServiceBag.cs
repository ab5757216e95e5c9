namespace Mirt.Sales.Assistant;

/// <summary>
/// Resolves the few services nodes read (shop data, reply renderer, optional ones such as the image fetcher) without
/// a DI container in the library; a <see langword="null"/> entry is an optional service that is not configured.
/// </summary>
internal sealed class ServiceBag(params object?[] services) : IServiceProvider
{
    public object? GetService(Type serviceType) => services.FirstOrDefault(serviceType.IsInstanceOfType);
}
