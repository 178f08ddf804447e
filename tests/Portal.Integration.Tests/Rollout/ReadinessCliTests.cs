using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Cli;
using Portal.Domain.Access;
using Portal.Services.Rollout;

namespace Portal.Integration.Tests.Rollout;

/// <summary><c>readiness</c> of the administration tool, run against the shared demo's database (it only reads).</summary>
[Collection(PortalCollection.Name)]
public sealed class ReadinessCliTests(PortalFixture fixture)
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={fixture.App.DatabaseFile}"], output, error, input: new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<DateOnly> PlannedAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        return await db.Regions.Where(r => r.Code == "BPL").Select(r => r.PlannedSwitchDate).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Readiness_prints_exactly_the_gates_the_page_shows()
    {
        var date = await PlannedAsync();
        var page = await fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<ReadinessService>()
            .GetAsync(Actor.System, "BPL", date, TestContext.Current.CancellationToken);

        var (exit, output, error) = await RunAsync("readiness", "--region", "bpl", "--date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["region", "date", "ready", "gates"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("BPL", root.GetProperty("region").GetString());
        Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), root.GetProperty("date").GetString());
        Assert.False(root.GetProperty("ready").GetBoolean());
        var gates = root.GetProperty("gates").EnumerateArray().ToList();
        Assert.Equal(["code", "passes", "value", "threshold", "text", "channels"], gates[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(page!.Gates.Select(g => (g.Code.ToString(), g.Passes, Math.Round(g.Value, 4), g.Threshold, g.Text)),
            gates.Select(g => (g.GetProperty("code").GetString()!, g.GetProperty("passes").GetBoolean(), g.GetProperty("value").GetDouble(),
                g.GetProperty("threshold").GetDouble(), g.GetProperty("text").GetString()!)));
        var training = gates.Single(g => g.GetProperty("code").GetString() == "G2");
        Assert.InRange(training.GetProperty("value").GetDouble(), 0, 1);
        Assert.Equal(0.8, training.GetProperty("threshold").GetDouble());
        Assert.NotEmpty(gates.Single(g => g.GetProperty("code").GetString() == "G3").GetProperty("channels").EnumerateArray());
    }

    [Fact]
    public async Task Readiness_outlook_prints_seventeen_dates_and_the_earliest_ready_one()
    {
        var (exit, output, error) = await RunAsync("readiness", "--region", "BPL", "--outlook", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["region", "weeks", "earliestReady"], root.EnumerateObject().Select(p => p.Name));
        var weeks = root.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(17, weeks.Count);
        Assert.Equal((await PlannedAsync()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), weeks[0].GetProperty("date").GetString());
        Assert.All(weeks, w => Assert.Equal(4, w.GetProperty("gates").GetArrayLength()));
        var earliest = root.GetProperty("earliestReady");
        if (earliest.ValueKind == JsonValueKind.String)
        {
            var first = weeks.Where(w => w.GetProperty("ready").GetBoolean()).Select(w => w.GetProperty("date").GetString()).Order(StringComparer.Ordinal).First();
            Assert.Equal(first, earliest.GetString());
        }
        else
        {
            Assert.DoesNotContain(weeks, w => w.GetProperty("ready").GetBoolean());
        }
    }

    [Fact]
    public async Task Readiness_of_an_unknown_region_is_a_bad_argument()
    {
        var (exit, output, error) = await RunAsync("readiness", "--region", "XYZ", "--outlook", "--json");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("no region 'XYZ'", error, StringComparison.Ordinal);
    }
}
