namespace Mirt.Sales.Assistant;

/// <summary>
/// Resolves the few services nodes read (shop data, reply renderer) without a DI container in the library.
/// </summary>
internal sealed class ServiceBag(params object[] services) : IServiceProvider
{
    public object? GetService(Type serviceType) => services.FirstOrDefault(serviceType.IsInstanceOfType);
}
