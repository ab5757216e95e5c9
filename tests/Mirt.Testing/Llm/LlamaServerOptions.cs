namespace Mirt.Testing.Llm;

/// <summary>How <see cref="LlamaServer.StartAsync(string, LlamaServerOptions, CancellationToken)"/> runs llama-server.</summary>
public sealed record LlamaServerOptions
{
    /// <summary>Gets the KV-cache size in tokens (<c>-c</c>), shared by all slots.</summary>
    /// <value>The default is 16384 tokens (4096 per slot); at most <see cref="TinyGguf.ContextLength"/>.</value>
    public int ContextSize { get; init; } = 16384;

    /// <summary>Gets the number of requests decoded at once (<c>-np</c>); more wait in the server's queue.</summary>
    /// <value>The default is 4.</value>
    public int Slots { get; init; } = 4;

    /// <summary>Gets the number of CPU threads the server computes with (<c>--threads</c> and <c>--threads-batch</c>).</summary>
    /// <value>The default is 1: the model is tiny and the test machine small and busy.</value>
    public int Threads { get; init; } = 1;

    /// <summary>Gets how long to wait for <c>/health</c> to answer 200.</summary>
    /// <value>The default is 60 seconds (start-up usually takes well under one on an idle machine).</value>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets further command-line arguments, appended after the fixture's own (for example <c>["--timeout", "5"]</c>).</summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
