using System.Net;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Advisors;

[Collection(PortalCollection.Name)]
public class AdvisorExportHttpTests(PortalFixture fixture)
{
    private async Task<HttpResponseMessage> ExportAsAsync(string? user)
    {
        var client = new PortalBrowserClient(fixture.App.BaseAddress);
        if (user is not null)
        {
            await client.LoginAsync(user, DemoAccounts.Password);
        }
        return await client.GetAsync("/advisors.csv");
    }

    [Theory]
    [InlineData(DemoAccounts.DirectorBpl, 1_600, "BPL")]
    [InlineData(DemoAccounts.DirectorNc, 1_250, "NC")]
    [InlineData(DemoAccounts.Hr, 15_550, null)]
    [InlineData(DemoAccounts.National, 15_550, null)]
    public async Task The_export_holds_the_advisors_the_user_may_read(string user, int rows, string? onlyRegion)
    {
        using var response = await ExportAsAsync(user);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("employeeNumber;lastName;firstName;site;workingTimePercent;active;skills", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(rows, lines.Length - 1);
        if (onlyRegion == "BPL")
        {
            Assert.DoesNotContain(lines, l => l.StartsWith("E1000", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_advisor_login_gets_no_export_and_an_anonymous_visitor_is_sent_to_log_in()
    {
        using var advisor = await ExportAsAsync(DemoAccounts.AdvisorBpl);
        using var anonymous = await ExportAsAsync(null);

        Assert.Equal(HttpStatusCode.NotFound, advisor.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
