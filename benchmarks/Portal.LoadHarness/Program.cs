using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.LoadHarness;

/// <summary>
/// Real Blazor Server circuits against the portal on loopback: <c>dotnet run -c Release --project
/// benchmarks/Portal.LoadHarness -- --circuits 5000 --hold-minutes 10</c> starts the built app (Release, Development
/// environment, the demo in a temporary SQLite file), logs in as the demo users, ramps to the count, holds it with a click
/// per circuit every few seconds, and reports circuits held, errors, interaction latency and memory per circuit; then the
/// same against a simple page (the staffing calculator) for the ratio. Exits 1 when any error was seen.
/// </summary>
public static partial class Program
{
    private static readonly string[] Week = ["next-week#0", "previous-week#0"];

    public static async Task<int> Main(string[] args)
    {
        var circuits = (int)Option(args, "--circuits", 5000);
        var hold = TimeSpan.FromMinutes(Option(args, "--hold-minutes", 10));
        var rate = Option(args, "--ramp-per-second", 20);
        var interval = TimeSpan.FromSeconds(Option(args, "--interval-seconds", 5));
        var only = Text(args, "--only");
        var repository = Text(args, "--repository") ?? FindRepository();
        ThreadPool.SetMinThreads(200, 200);

        // A database given with --database is kept and reused (the demo is written once, about 6 s on an idle machine).
        var database = Text(args, "--database") ?? Path.Combine(Path.GetTempPath(), "portal-load", $"demo-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var results = new List<RunResult>();
        if (only is null or "mix")
        {
            results.Add(await RunAsync("realistic mix", Mix, repository, database, circuits, hold, rate, interval));
        }
        if (only is null or "minimal")
        {
            results.Add(await RunAsync("simple page (staffing calculator)", Minimal, repository, database, circuits, hold, rate, interval));
        }
        Console.WriteLine();
        Console.WriteLine("| run | circuits asked | held | errors | clicks | p50 | p95 | p99 | RSS / circuit | managed heap / circuit |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(r.Row);
        }
        if (results.Count == 2 && results[1].HeapPerCircuit > 0)
        {
            Console.WriteLine($"Managed heap per circuit, mix / simple page: {results[0].HeapPerCircuit / results[1].HeapPerCircuit:F2}; " +
                $"RSS per circuit: {results[0].RssPerCircuit / results[1].RssPerCircuit:F2}");
        }
        return results.All(r => r.Errors == 0 && r.Held == circuits) ? 0 : 1;
    }

    private static readonly Workload[] Mix =
    [
        new("director BPL, coverage", "coverage/BPL", "director.bpl@portal.demo", a => WeekButton(a), Week),
        new("director NC, coverage", "coverage/NC", "director.nc@portal.demo", a => WeekButton(a), Week),
        new("director BPL, planner", "assignments/BPL", "director.bpl@portal.demo", a => WeekButton(a), Week),
        new("director NC, planner", "assignments/NC", "director.nc@portal.demo", a => WeekButton(a), Week),
        new("advisor, /me", "me", "advisor.bpl@portal.demo", a => a.GetValueOrDefault("role") == "tab" ? "tab" : null, ["tab#1", "tab#0"]),
        new("HR, completion", "training/completion", "hr@portal.demo", Pager, ["next#0", "previous#0"]),
    ];

    /// <summary>Shares of the mix, in the order above: directors 40%, advisors 45%, HR 15%.</summary>
    private static readonly int[] MixWeights = [10, 10, 10, 10, 45, 15];

    private static readonly Workload[] Minimal =
    [
        new("director BPL, calculator", "coverage/calculator", "director.bpl@portal.demo", a => a.GetValueOrDefault("data-testid") == "compute" ? "compute" : null, ["compute#0"]),
    ];

    private static string? WeekButton(IReadOnlyDictionary<string, string> attributes) =>
        attributes.GetValueOrDefault("data-testid") is "next-week" or "previous-week" ? attributes["data-testid"] : null;

    private static string? Pager(IReadOnlyDictionary<string, string> attributes)
    {
        var label = attributes.GetValueOrDefault("aria-label") ?? "";
        return label.Contains("next", StringComparison.OrdinalIgnoreCase) || label.Contains("suivante", StringComparison.OrdinalIgnoreCase) ? "next"
            : label.Contains("previous", StringComparison.OrdinalIgnoreCase) || label.Contains("précédente", StringComparison.OrdinalIgnoreCase) ? "previous"
            : null;
    }

    private static async Task<RunResult> RunAsync(string name, Workload[] workloads, string repository, string database, int count, TimeSpan hold,
        double rate, TimeSpan interval)
    {
        Console.WriteLine($"== {name}: {count} circuits, ramp {rate}/s, hold {hold.TotalMinutes} min, a click every {interval.TotalSeconds} s");
        using var server = await Server.StartAsync(repository, database);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(3) };
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in workloads.Select(w => w.User).Distinct())
        {
            cookies[user] = await LoginAsync(server.Address, user);
        }
        // Warm the pages (first requests compile and fill caches) before the baseline.
        foreach (var work in workloads)
        {
            using var warm = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, work.Path));
            warm.Headers.Add("Cookie", cookies[work.User]);
            (await http.SendAsync(warm)).Dispose();
        }
        var heapBefore = server.ManagedHeapBytes();
        var rssBefore = server.ResidentBytes();
        Console.WriteLine($"  baseline: RSS {rssBefore / 1048576.0:F0} MB, managed heap {heapBefore / 1048576.0:F0} MB");

        var stats = new Stats();
        var live = new List<Circuit>();
        var started = 0;
        var failedStarts = 0;
        using var stop = new CancellationTokenSource();
        var weights = workloads.Length == MixWeights.Length ? MixWeights : Enumerable.Repeat(1, workloads.Length).ToArray();
        var pick = weights.SelectMany((w, i) => Enumerable.Repeat(i, w)).ToArray();
        var ramp = Stopwatch.StartNew();
        using var starting = new SemaphoreSlim(32);
        var starts = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > ramp.Elapsed)
            {
                await Task.Delay(due - ramp.Elapsed);
            }
            await starting.WaitAsync();
            var work = workloads[pick[i % pick.Length]];
            var circuit = new Circuit(server.Address, cookies[work.User], work, stats);
            starts.Add(Task.Run(async () =>
            {
                try
                {
                    await circuit.StartAsync(http, stop.Token);
                    lock (live)
                    {
                        live.Add(circuit);
                    }
                    Interlocked.Increment(ref started);
                    _ = Task.Run(() => InteractAsync(circuit, interval, stop.Token));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failedStarts);
                    stats.Error($"start {work.Name}: {exception.GetType().Name}: {exception.Message}");
                }
                finally
                {
                    starting.Release();
                }
            }));
            if (i % 250 == 249)
            {
                Console.WriteLine($"  {ramp.Elapsed:mm\\:ss} {started} live, {failedStarts} failed, {stats.Errors} errors, p95 {stats.Percentile(95):F0} ms, RSS {server.ResidentBytes() / 1048576.0:F0} MB");
            }
        }
        await Task.WhenAll(starts);
        Console.WriteLine($"  ramp done in {ramp.Elapsed:mm\\:ss}: {started} live, {failedStarts} failed");
        stats.Reset();
        var holding = Stopwatch.StartNew();
        while (holding.Elapsed < hold)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Max(1, (hold - holding.Elapsed).TotalSeconds))));
            Console.WriteLine($"  hold {holding.Elapsed:mm\\:ss}: {live.Count(c => c.Live)} live, {stats.Interactions} clicks, {stats.Errors} errors, " +
                $"p50 {stats.Percentile(50):F0} / p95 {stats.Percentile(95):F0} / p99 {stats.Percentile(99):F0} ms, RSS {server.ResidentBytes() / 1048576.0:F0} MB");
        }
        var held = live.Count(c => c.Live);
        var rss = server.ResidentBytes();
        var heap = server.ManagedHeapBytes();
        await stop.CancelAsync();
        foreach (var sample in stats.Samples)
        {
            Console.WriteLine($"  {sample}");
        }
        Console.WriteLine($"  no click target found: {stats.NoTargets}");
        var result = new RunResult(name, count, held, stats.Errors, stats.Interactions / Math.Max(1, hold.TotalSeconds), stats.Percentile(50), stats.Percentile(95),
            stats.Percentile(99), held > 0 ? (rss - rssBefore) / (double)held : 0, held > 0 && heap > 0 ? (heap - heapBefore) / (double)held : 0);
        Console.WriteLine(result.Row);
        await Task.WhenAll(live.Select(c => c.DisposeAsync().AsTask()));
        return result;
    }

    private static async Task InteractAsync(Circuit circuit, TimeSpan interval, CancellationToken cancellationToken)
    {
        var random = new Random();
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next((int)interval.TotalMilliseconds)), cancellationToken);
            while (!cancellationToken.IsCancellationRequested && circuit.Live)
            {
                var watch = Stopwatch.StartNew();
                await circuit.InteractAsync(cancellationToken);
                var wait = interval * (0.75 + random.NextDouble() / 2) - watch.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Signs in through the login form (its antiforgery token and form name included) and answers the cookie header.</summary>
    private static async Task<string> LoginAsync(Uri server, string user)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false });
        var page = await http.GetStringAsync(new Uri(server, "Account/Login"));
        // The page has other forms (language, theme), each with its own token: only the login form's fields are sent.
        var form = Forms().Matches(page).Select(m => m.Value).First(f => f.Contains("Input.Email", StringComparison.Ordinal));
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Hidden().Matches(form))
        {
            fields[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        }
        fields["Input.Email"] = user;
        fields["Input.Password"] = "Portal-Demo-2026!";
        using var response = await http.PostAsync(new Uri(server, "Account/Login"), new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"login {user}: {(int)response.StatusCode}");
        }
        var header = jar.GetCookieHeader(server);
        return header.Contains(".AspNetCore.Identity.Application", StringComparison.Ordinal) ? header : throw new InvalidOperationException($"login {user}: no cookie");
    }

    private sealed record RunResult(string Name, int Asked, int Held, int Errors, double ClicksPerSecond, double P50, double P95, double P99,
        double RssPerCircuit, double HeapPerCircuit)
    {
        public string Row => string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Asked} | {Held} | {Errors} | {ClicksPerSecond:F0}/s | {P50:F0} ms | {P95:F0} ms | {P99:F0} ms | {RssPerCircuit / 1024:F0} KB | {HeapPerCircuit / 1024:F0} KB |");
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Portal.sln not found above the harness: give --repository");
    }

    private static double Option(string[] args, string name, double fallback) =>
        Text(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Forms();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();
}
