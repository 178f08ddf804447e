using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.Tests.Users;
using Portal.Domain.Audit;
using Portal.Services.Audit;
using Portal.Web.Components.Pages.Administration;

namespace Portal.Components.Tests.Administration;

/// <summary>The audit page over the real <see cref="AuditService"/>, while the machine's own zone is Tokyo.</summary>
[Collection(MachineZoneCollection.Name)]
public sealed class AuditTests : PortalComponentTest
{
    private readonly TestDatabase database = new(db => db.AuditEntries.AddRange(
        Entry(new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc), "E900001/SUMMER"),
        Entry(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), "E900001/WINTER")));

    public AuditTests(TokyoMachineZone zone)
    {
        Assert.NotEqual(TimeSpan.FromHours(2), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc)));
        // The base context has already handed out services, so this one comes from a provider of its own.
        Services.AddFallbackServiceProvider(new ServiceCollection().AddSingleton(new AuditService(database)).BuildServiceProvider());
        User.As(Persona.NationalAdmin);
    }

    private static AuditEntry Entry(DateTime atUtc, string key) =>
        new() { AtUtc = atUtc, UserName = "national@portal.demo", Entity = "AdvisorSkill", EntityKey = key, Action = "SetLevel" };

    private string WhenOf(IRenderedComponent<Audit> page, string key) =>
        page.FindAll("tbody tr").Single(r => r.TextContent.Contains(key, StringComparison.Ordinal)).QuerySelector("td")!.TextContent.Trim();

    [Fact]
    public void Summer_and_winter_entries_show_the_Paris_wall_time_in_French()
    {
        var page = Render<Audit>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));
        Assert.Equal("01/07/2026 12:00", WhenOf(page, "SUMMER"));
        Assert.Equal("01/12/2026 11:00", WhenOf(page, "WINTER"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}
