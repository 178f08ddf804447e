using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sites;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Skills;

[Collection(PortalCollection.Name)]
public class SkillsExportTests(PortalFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PortalBrowserClient> SignedInAsync(string user)
    {
        var client = new PortalBrowserClient(fixture.App.BaseAddress);
        var login = await client.LoginAsync(user, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_csv_of_the_own_region_has_a_header_one_line_per_advisor_and_the_totals()
    {
        await using var db = fixture.App.CreateDbContext();
        var advisors = await db.Advisors.CountAsync(a => a.Active && a.Site!.Kind == SiteKind.InHouse && a.Site.Region!.Code == "BPL", Ct);
        var codes = await db.Skills.OrderBy(s => s.Id).Select(s => s.Code).ToListAsync(Ct);
        using var client = await SignedInAsync(DemoAccounts.DirectorBpl);

        using var response = await client.GetAsync("/skills/matrix.csv?region=BPL");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"employeeNumber;lastName;firstName;site;{string.Join(';', codes)}", lines[0]);
        Assert.Equal(advisors + 2, lines.Length);
        Assert.StartsWith("TOTAL;", lines[^1], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Equal(4 + codes.Count, l.Split(';').Length));
    }

    [Fact]
    public async Task The_csv_of_another_region_answers_not_found_to_a_director()
    {
        using var client = await SignedInAsync(DemoAccounts.DirectorBpl);

        using var response = await client.GetAsync("/skills/matrix.csv?region=NC");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("text/csv", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_file_is_a_workbook()
    {
        using var client = await SignedInAsync(DemoAccounts.DirectorBpl);

        using var response = await client.GetAsync("/skills/matrix.xlsx?region=BPL");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.True(bytes.Length > 1_000);
        Assert.Equal("PK"u8.ToArray(), bytes.Take(2));
    }

    [Theory]
    [InlineData(DemoAccounts.AdvisorBpl, "/skills/matrix.csv")]
    [InlineData(DemoAccounts.AdvisorBpl, "/skills/matrix.xlsx?region=BPL")]
    [InlineData(DemoAccounts.DirectorNc, "/skills/matrix.xlsx?region=BPL")]
    public async Task An_export_the_user_may_not_read_answers_not_found(string user, string path)
    {
        using var client = await SignedInAsync(user);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/skills/matrix.csv?region=BPL")]
    [InlineData("/skills/matrix.xlsx?region=BPL")]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page(string path)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
