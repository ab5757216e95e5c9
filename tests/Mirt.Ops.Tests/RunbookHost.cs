using System.Net.Http.Json;
using Mirt.Testing;

namespace Mirt.Ops.Tests;

/// <summary>
/// The host the runbook's recipes run against: a real <c>mirt serve</c> with half of its conversations on the canary,
/// after enough webhook turns on each release for <c>mirt canary status</c> to judge, and one complaint handed to a
/// human (<see cref="HandedOff"/>, for the release recipe); plus the environment an operator would have:
/// <c>MIRT_URL</c>, <c>MIRT_LOG</c> (the host's log so far), the store settings, the operator token, and <c>mirt</c>
/// on <c>PATH</c>.
/// </summary>
public sealed class RunbookHost : IAsyncLifetime
{
    /// <summary>Conversations sent before the recipes run; at 50 % each release gets well over the 100 turns
    /// <c>mirt canary status</c> needs (the split is a fixed hash of these ids, so it is the same every run).</summary>
    public const int Conversations = 300;

    /// <summary>The subscriber whose complaint the host hands to a human; the runbook's delivery recipes default to it.</summary>
    public const string HandedOff = "runbook-complaint";

    private const string Token = "runbook-secret";
    private const string AdminToken = "runbook-admin";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mirt-runbook-");
    private HostProcess? _host;

    public string LogFile => Path.Combine(_root.FullName, "mirt.log");

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    private string BinDirectory => Path.Combine(_root.FullName, "bin");

    public string HostLog => _host?.Log ?? string.Empty;

    /// <summary>Gets the variables a recipe runs with, its working directory being the repository root.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["MIRT_URL"] = _host!.Address.ToString().TrimEnd('/'),
        ["MIRT_LOG"] = LogFile,
        ["MIRT_DATA_DIR"] = DataDirectory,
        ["MIRT_PROMPTS_DIR"] = RepoPaths.Prompts,
        ["MIRT_MANYCHAT_TOKEN"] = Token,
        ["MIRT_ADMIN_TOKEN"] = AdminToken,
        ["PATH"] = BinDirectory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    public async Task InitializeAsync()
    {
        // `mirt` as an operator has it on PATH: the built host.
        Directory.CreateDirectory(BinDirectory);
        var mirt = Path.Combine(BinDirectory, "mirt");
        await File.WriteAllTextAsync(mirt, $"#!/bin/sh\nexec dotnet '{HostProcess.HostDll}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(mirt, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // 300 conversations one after another run at about 100/s here, the default global limit: a faster machine would get 429s.
        _host = await HostProcess.StartAsync(DataDirectory, Token, new Dictionary<string, string> { ["MIRT_CANARY_PERCENT"] = "50", ["MIRT_RATE_GLOBAL"] = "1000/s", ["MIRT_ADMIN_TOKEN"] = AdminToken });

        using var http = new HttpClient { BaseAddress = _host.Address };
        http.DefaultRequestHeaders.Add("X-ManyChat-Token", Token);
        // A fresh process pays ~0.3-1 s of JIT on its first turns. Spend it on a conversation that hashes to stable
        // (bucket 7002 of 10,000 at 50 %), so it cannot make the canary look slower than stable in `canary status`.
        for (var warmup = 0; warmup < 3; warmup++)
        {
            using var response = await http.PostAsJsonAsync("/webhooks/manychat", new Dictionary<string, string>
            {
                ["subscriber_id"] = "runbook-warmup-1",
                ["last_input_text"] = "Шукаю сукню, зріст 118",
            });
            response.EnsureSuccessStatusCode();
        }

        for (var i = 0; i < Conversations; i++)
        {
            using var response = await http.PostAsJsonAsync("/webhooks/manychat", new Dictionary<string, string>
            {
                ["subscriber_id"] = $"runbook-{i}",
                ["last_input_text"] = i % 10 == 0 ? "Хочу поговорити з менеджером" : "Шукаю сукню, зріст 118",
            });
            response.EnsureSuccessStatusCode();
        }

        // A complaint is handed to a manager: the bot stays silent in it until released.
        using (var complaint = await http.PostAsJsonAsync("/webhooks/manychat", new Dictionary<string, string>
        {
            ["subscriber_id"] = HandedOff,
            ["last_input_text"] = "Це жахливо, товар прийшов бракований, хочу повернення грошей!",
        }))
        {
            complaint.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Writes the host's log so far to <see cref="LogFile"/>, as an operator would save it before grepping.</summary>
    public Task SaveLogAsync() => File.WriteAllTextAsync(LogFile, HostLog);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _root.Delete(recursive: true);
    }
}
