using System.Diagnostics;
using System.Globalization;
using Portal.Domain.Access;

namespace Portal.Soak;

/// <summary>
/// The database soak: the full demo in a temporary SQLite file, then concurrent writers through the portal's services
/// for a while, then the checks. <c>dotnet run -c Release --project benchmarks/Portal.Soak -- --minutes 5 --writers 50</c>.
/// Exits 1 when a check fails.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var minutes = Option(args, "--minutes", 5.0);
        var writers = (int)Option(args, "--writers", 50);
        // Every writer holds a thread while SQLite works (it has no asynchronous I/O): without them the pool would
        // grow slowly and the writers would take turns instead of meeting.
        ThreadPool.SetMinThreads(writers + 16, writers + 16);

        var watch = Stopwatch.StartNew();
        using var demo = new SoakDatabase();
        Console.WriteLine($"Demo built in {watch.Elapsed.TotalSeconds:F1} s ({demo.File})");
        var world = SoakWorld.Choose(demo);
        var start = SoakStart.Read(demo, world);
        foreach (var region in world.Regions)
        {
            Console.WriteLine($"{region.Code}: {region.HotAdvisors.Count} contested advisors, {region.ShiftAdvisors.Count} planned advisors, " +
                $"sessions {string.Join(", ", region.Sessions)}");
        }
        Console.WriteLine($"Shift days {world.FirstShiftDay:yyyy-MM-dd} to {world.LastShiftDay:yyyy-MM-dd}");

        var ledger = new Ledger();
        var users = Enumerable.Range(0, writers).Select(i => new Writer(i, ActorOf(i, writers, world), demo, world, ledger)).ToList();
        Console.WriteLine($"{writers} writers for {minutes} min: " + string.Join(", ", users.Select((_, i) => ActorOf(i, writers, world))
            .GroupBy(a => a.UserName).Select(g => $"{g.Count()} × {g.Key}")));
        var until = DateTime.UtcNow.AddMinutes(minutes);
        watch.Restart();
        var running = users.Select(u => Task.Run(() => u.RunAsync(until))).ToList();
        using (var progress = new Timer(_ => Console.WriteLine(
                   $"  {watch.Elapsed:mm\\:ss} {Enum.GetValues<Ending>().Sum(ledger.Of)} operations, {ledger.Of(Ending.Conflict)} conflicts, " +
                   $"{ledger.Of(Ending.Busy)} busy, {ledger.Of(Ending.Unexpected)} unexpected"), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)))
        {
            await Task.WhenAll(running);
        }
        var elapsed = watch.Elapsed;

        var check = new SoakCheck(demo, ledger, start);
        check.Run();
        return Report(Console.Out, ledger, check, elapsed) ? 0 : 1;
    }

    /// <summary>Most writers direct one of the two demo regions; a few are national administrators, two are HR.</summary>
    private static Actor ActorOf(int index, int writers, SoakWorld world)
    {
        if (index >= writers - 2)
        {
            return SoakWorld.Hr;
        }
        if (index >= writers - 6)
        {
            return SoakWorld.National;
        }
        return world.Regions[index % world.Regions.Count].Director;
    }

    private static bool Report(TextWriter output, Ledger ledger, SoakCheck check, TimeSpan elapsed)
    {
        var endings = Enum.GetValues<Ending>();
        output.WriteLine();
        output.WriteLine($"Ran {elapsed.TotalMinutes:F1} min.");
        output.WriteLine("| operation | " + string.Join(" | ", endings) + " | total |");
        output.WriteLine("|---|" + string.Concat(endings.Select(_ => "---:|")) + "---:|");
        foreach (var kind in Enum.GetValues<WorkKind>())
        {
            output.WriteLine($"| {kind} | " + string.Join(" | ", endings.Select(e => ledger.Of(kind, e))) + $" | {endings.Sum(e => ledger.Of(kind, e))} |");
        }
        var total = endings.Sum(ledger.Of);
        output.WriteLine($"| all | " + string.Join(" | ", endings.Select(ledger.Of)) + $" | {total} |");
        output.WriteLine($"{total / elapsed.TotalSeconds:F1} operations/s, {ledger.Of(Ending.Saved) / elapsed.TotalSeconds:F1} saved/s");
        output.WriteLine();

        var checks = new List<(string Check, string Expected, string Actual, bool Holds)>
        {
            ("\"database is locked\" / busy errors", "0", ledger.Of(Ending.Busy).ToString(CultureInfo.InvariantCulture), ledger.Of(Ending.Busy) == 0),
            ("unexpected exceptions or outcomes", "0", ledger.Of(Ending.Unexpected).ToString(CultureInfo.InvariantCulture), ledger.Of(Ending.Unexpected) == 0),
            ("lost updates", "0", check.LostUpdates.Count.ToString(CultureInfo.InvariantCulture), check.LostUpdates.Count == 0),
            ("conflicts reported by the services", "> 0", ledger.Of(Ending.Conflict).ToString(CultureInfo.InvariantCulture), ledger.Of(Ending.Conflict) > 0),
        };
        checks.AddRange(check.Counts);
        output.WriteLine("| check | expected | actual | |");
        output.WriteLine("|---|---:|---:|---|");
        foreach (var (name, expected, actual, holds) in checks)
        {
            output.WriteLine($"| {name} | {expected} | {actual} | {(holds ? "ok" : "FAILED")} |");
        }
        foreach (var line in ledger.BusyErrors.Concat(ledger.Unexpected).Concat(check.LostUpdates).Take(40))
        {
            output.WriteLine($"  {line}");
        }
        var passed = checks.All(c => c.Holds);
        output.WriteLine(passed ? "Soak passed." : "Soak FAILED.");
        return passed;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
