using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sites;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Skills;

[Collection(PortalCollection.Name)]
public partial class SkillsMatrixPageTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_director_sees_the_own_region_matrix_with_a_row_per_advisor_and_links_to_both_exports()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var advisors = await db.Advisors.CountAsync(a => a.Active && a.Site!.Kind == SiteKind.InHouse && a.Site.Region!.Code == "BPL", ct);
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        await client.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password);

        using var response = await client.GetAsync("/skills/matrix");
        var body = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"skills-matrix\"", body, StringComparison.Ordinal);
        Assert.Equal(advisors, RowHeader().Count(body));
        Assert.Contains("href=\"skills/matrix.csv?region=BPL\"", body, StringComparison.Ordinal);
        Assert.Contains("href=\"skills/matrix.xlsx?region=BPL\"", body, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr><th scope=\"row\">")]
    private static partial Regex RowHeader();
}
