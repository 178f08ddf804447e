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
    public static async Task<int> Main(string[] args)
    {
        var circuits = (int)Option(args, "--circuits", 5000);
        var ladder = Text(args, "--ladder");
        var hold = TimeSpan.FromMinutes(Option(args, "--hold-minutes", ladder is null ? 10 : 1));
        var rate = Option(args, "--ramp-per-second", 20);
        var interval = TimeSpan.FromSeconds(Option(args, "--interval-seconds", 5));
        var p95Limit = Option(args, "--p95-limit-ms", 250);
        var only = Text(args, "--only") ?? (ladder is null ? null : "mix");
        var repository = Text(args, "--repository") ?? FindRepository();
        ThreadPool.SetMinThreads(200, 200);

        // A database given with --database is kept and reused (the demo is written once, about 6 s on an idle machine).
        var database = Text(args, "--database") ?? Path.Combine(Path.GetTempPath(), "portal-load", $"demo-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var counts = ladder is null ? [circuits] : ladder.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var results = new List<RunResult>();
        var largest = 0;
        foreach (var count in counts)
        {
            var step = new List<RunResult>();
            if (only is null or "mix")
            {
                step.Add(await RunAsync("realistic mix", Mix, repository, database, count, hold, rate, interval));
            }
            else if (only is not "minimal")
            {
                // One workload of the mix alone (--only planner, --only /me): its memory per circuit, its latency unmixed.
                var alone = Mix.Where(w => w.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();
                step.Add(await RunAsync($"mix, {only} only", alone.Length > 0 ? alone : throw new ArgumentException($"no workload named {only}"),
                    repository, database, count, hold, rate, interval));
            }
            if (only is null or "minimal")
            {
                step.Add(await RunAsync(SimpleRun, Minimal, repository, database, count, hold, rate, interval));
            }
            results.AddRange(step);
            var holds = step.All(r => r.Errors == 0 && r.Held == count && r.P95 <= p95Limit);
            if (ladder is not null)
            {
                Console.WriteLine($"== ladder: {count} circuits {(holds ? "hold" : $"do not hold (errors, circuits lost or p95 over {p95Limit} ms)")}");
            }
            if (!holds)
            {
                break;
            }
            largest = count;
        }
        Console.WriteLine();
        Console.WriteLine("| run | circuits asked | held | errors | clicks | p50 | p95 | p99 | RSS / circuit | managed heap / circuit |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(r.Row);
        }
        Console.WriteLine();
        Console.WriteLine("| run | circuits asked | workload | circuits | clicks | no target | errors | p50 | p95 | p99 |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var w in r.Workloads)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Name} | {r.Asked} | {w.Name} | {w.Circuits} | {w.Clicks} | {w.NoTargets} | {w.Errors} | {w.P50:F0} ms | {w.P95:F0} ms | {w.P99:F0} ms |"));
            }
        }
        var mix = results.FirstOrDefault(r => r.Name != SimpleRun);
        var simple = results.FirstOrDefault(r => r.Name == SimpleRun && r.Asked == mix?.Asked);
        if (mix is not null && simple is not null && simple.HeapPerCircuit > 0)
        {
            Console.WriteLine($"Managed heap per circuit, mix / simple page: {mix.HeapPerCircuit / simple.HeapPerCircuit:F2}; " +
                $"RSS per circuit: {mix.RssPerCircuit / simple.RssPerCircuit:F2}");
        }
        if (ladder is not null)
        {
            Console.WriteLine(largest > 0 ? $"Largest count that holds: {largest} circuits" : "No count of the ladder holds");
            return largest > 0 ? 0 : 1;
        }
        return results.All(r => r.Errors == 0 && r.Held == circuits) ? 0 : 1;
    }

    // The planner's new week is shown once its label (rendered with its rows) and its coverage (each day's date) have changed.
    private static readonly Workload[] Mix =
    [
        new("director BPL, coverage", "coverage/BPL", "director.bpl@portal.demo", Week, dom => [WeekShown(dom)]),
        new("director NC, coverage", "coverage/NC", "director.nc@portal.demo", Week, dom => [WeekShown(dom)]),
        new("director BPL, planner", "assignments/BPL", "director.bpl@portal.demo", Week, dom => [WeekShown(dom), TextOf(dom, "planner-coverage")]),
        new("director NC, planner", "assignments/NC", "director.nc@portal.demo", Week, dom => [WeekShown(dom), TextOf(dom, "planner-coverage")]),
        new("advisor, /me", "me", "advisor.bpl@portal.demo", OtherTab, dom => [OpenTab(dom)]),
        new("HR, completion", "training/completion", "hr@portal.demo", Pager, dom => [PageShown(dom)]),
    ];

    /// <summary>Shares of the mix, in the order above: directors 40%, advisors 45%, HR 15%.</summary>
    private static readonly int[] MixWeights = [10, 10, 10, 10, 45, 15];

    // The calculator's result is the same on every click: the first render after the click is its answer.
    private const string SimpleRun = "simple page (staffing calculator)";

    private static readonly Workload[] Minimal =
    [
        new("director BPL, calculator", "coverage/calculator", "director.bpl@portal.demo", (dom, _) => Clickable(dom, e => e["data-testid"] == "compute"), null),
    ];

    private static ElementNode? Clickable(Dom dom, Func<ElementNode, bool> match) =>
        dom.Elements().FirstOrDefault(e => e.Handlers.ContainsKey("click") && !e.Attributes.ContainsKey("disabled") && match(e));

    /// <summary>Next week, then back: the planner and the coverage page both name their buttons so.</summary>
    private static ElementNode? Week(Dom dom, int step) =>
        Clickable(dom, e => e["data-testid"] == (step % 2 == 0 ? "next-week" : "previous-week"));

    private static string WeekShown(Dom dom) => TextOf(dom, "week");

    private static string TextOf(Dom dom, string testId) => dom.Elements().FirstOrDefault(e => e["data-testid"] == testId) is { } element ? dom.TextOf(element) : "";

    /// <summary>The tab that is not open (clicking the open one changes nothing).</summary>
    private static ElementNode? OtherTab(Dom dom, int step) => Clickable(dom, e => e["role"] == "tab" && e["aria-selected"] != "true");

    private static string OpenTab(Dom dom) => dom.Elements().FirstOrDefault(e => e["role"] == "tab" && e["aria-selected"] == "true") is { } tab ? dom.TextOf(tab) : "";

    /// <summary>
    /// The list's next page, then the previous one; on the last page (or the first) the other way, since a disabled
    /// button does nothing. MudBlazor's pager names its buttons in English whatever the culture ("Next page").
    /// </summary>
    private static ElementNode? Pager(Dom dom, int step)
    {
        var forward = step % 2 == 0;
        return PagerButton(dom, forward) ?? PagerButton(dom, !forward);
    }

    private static ElementNode? PagerButton(Dom dom, bool next) => Clickable(dom, e => e["aria-label"] is { } label &&
        (next ? label.Contains("next", StringComparison.OrdinalIgnoreCase) || label.Contains("suivante", StringComparison.OrdinalIgnoreCase)
              : label.Contains("previous", StringComparison.OrdinalIgnoreCase) || label.Contains("précédente", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The rows of the list of missing courses: they change when the page has changed.</summary>
    private static string PageShown(Dom dom) =>
        dom.Elements().FirstOrDefault(e => e["data-testid"] == "missing") is { } list
            && dom.Descendants(list).OfType<ElementNode>().FirstOrDefault(e => e.Name == "tbody") is { } rows ? dom.TextOf(rows) : "";

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
        var perWork = workloads.ToDictionary(w => w, _ => new Stats());
        var circuitsOf = workloads.ToDictionary(w => w, _ => 0);
        var live = new List<Circuit>();
        var started = 0;
        var failedStarts = 0;
        using var stop = new CancellationTokenSource();
        var weights = workloads.Length == MixWeights.Length ? MixWeights : Enumerable.Repeat(1, workloads.Length).ToArray();
        // Interleaved by share, so that a small run has every workload in it, in its proportion.
        var pick = weights.SelectMany((w, i) => Enumerable.Range(0, w).Select(k => (Workload: i, Order: (k + 0.5) / w))).OrderBy(p => p.Order).Select(p => p.Workload).ToArray();
        var ramp = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
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
            var circuit = new Circuit(server.Address, cookies[work.User], work, perWork[work], stats);
            starts.Add(Task.Run(async () =>
            {
                try
                {
                    await circuit.StartAsync(http, stop.Token);
                    lock (live)
                    {
                        live.Add(circuit);
                        circuitsOf[work]++;
                    }
                    Interlocked.Increment(ref started);
                    _ = Task.Run(() => InteractAsync(circuit, interval, stop.Token));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failedStarts);
                    stats.Error($"start {work.Name}: {exception.GetType().Name}: {exception.Message}");
                    perWork[work].Error($"start: {exception.GetType().Name}");
                }
                finally
                {
                    starting.Release();
                }
            }));
            if (i % 250 == 249 || ramp.Elapsed - reported > TimeSpan.FromSeconds(15))
            {
                reported = ramp.Elapsed;
                Console.WriteLine($"  {ramp.Elapsed:mm\\:ss} {started} live, {failedStarts} failed, {stats.Errors} errors, p95 {stats.Percentile(95):F0} ms, RSS {server.ResidentBytes() / 1048576.0:F0} MB");
            }
        }
        await Task.WhenAll(starts);
        Console.WriteLine($"  ramp done in {ramp.Elapsed:mm\\:ss}: {started} live, {failedStarts} failed");
        stats.Reset();
        foreach (var s in perWork.Values)
        {
            s.Reset();
        }
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
        foreach (var (work, s) in perWork)
        {
            foreach (var sample in s.Samples.Where(x => x.StartsWith("no target", StringComparison.Ordinal)))
            {
                Console.WriteLine($"  {work.Name}: {sample}");
            }
        }
        Console.WriteLine($"  no click target found: {stats.NoTargets}");
        foreach (var first in live.Where(c => c.Live).GroupBy(c => c.Work).Select(g => g.First()))
        {
            Console.WriteLine($"  page of {first.Work.Name}: {first.Size()}");
        }
        var rows = workloads.Select(w => new WorkloadResult(w.Name, circuitsOf[w], perWork[w].Interactions, perWork[w].NoTargets, perWork[w].Errors,
            perWork[w].Percentile(50), perWork[w].Percentile(95), perWork[w].Percentile(99))).ToList();
        var result = new RunResult(name, count, held, stats.Errors, stats.Interactions / Math.Max(1, hold.TotalSeconds), stats.Percentile(50), stats.Percentile(95),
            stats.Percentile(99), held > 0 ? (rss - rssBefore) / (double)held : 0, held > 0 && heap > 0 ? (heap - heapBefore) / (double)held : 0, rows);
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

    private sealed record WorkloadResult(string Name, int Circuits, long Clicks, int NoTargets, int Errors, double P50, double P95, double P99);

    private sealed record RunResult(string Name, int Asked, int Held, int Errors, double ClicksPerSecond, double P50, double P95, double P99,
        double RssPerCircuit, double HeapPerCircuit, IReadOnlyList<WorkloadResult> Workloads)
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
