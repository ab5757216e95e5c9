namespace Mirt.Llm.Tests;

/// <summary>Stands for an adapter's exception that follows the classifier's convention (public IsTransient and
/// StatusCode) without any reference to Mirt.Llm, like the OpenAI adapter's.</summary>
public sealed class ProviderException : Exception
{
    public ProviderException(int statusCode, bool isTransient, string message = "provider failed")
        : base(message)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    public ProviderException()
    {
    }

    public ProviderException(string message)
        : base(message)
    {
    }

    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; }

    public bool IsTransient { get; }
}
