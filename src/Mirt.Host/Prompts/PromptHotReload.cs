using Mirt.Sales.Assistant;
using Mirt.Sales.Prompts;

namespace Mirt.Host.Prompts;

/// <summary>
/// Reloads the templates when a file under the prompts directory changes (Development only): changes are debounced, a
/// set that fails <c>prompts lint</c> is rejected with its <c>file:line:column</c> problems logged, and the previous
/// templates keep serving.
/// </summary>
/// <remarks>Editors save in bursts (write, rename, touch); the debounce turns a burst into one reload. Reloads run on
/// the timer thread one at a time; replies keep rendering with whichever template set is current.</remarks>
internal sealed class PromptHotReload : IHostedService, IDisposable
{
    /// <summary>How long the directory must stay quiet before a reload.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly PromptReplyRenderer _renderer;
    private readonly ILogger<PromptHotReload> _logger;
    private readonly ITimer _timer;
    private FileSystemWatcher? _watcher;

    public PromptHotReload(SalesAssistant assistant, ILogger<PromptHotReload> logger, TimeProvider time)
    {
        _renderer = assistant.PromptRenderer;
        _logger = logger;
        _timer = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Every file, not only *.hbs: editors that save by renaming a temporary file would otherwise slip through.
        _watcher = new FileSystemWatcher(_renderer.Directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.Error += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
        PromptReloadLog.Watching(_logger, _renderer.Directory, Debounce.TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Schedule();

    private void Schedule() => _timer.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void Reload()
    {
        try
        {
            var result = _renderer.Reload();
            if (result.Applied)
            {
                PromptReloadLog.Reloaded(_logger, result.TemplateCount, _renderer.Directory);
                return;
            }

            PromptReloadLog.Rejected(_logger, result.Problems.Count, _renderer.Directory);
            foreach (var problem in result.Problems)
            {
                PromptReloadLog.Problem(_logger, problem.ToString());
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            PromptReloadLog.Failed(_logger, ex, _renderer.Directory);
        }
    }
}
