using System.Net;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Training;

/// <summary>
/// The training pages as the server first sends them: the content is there before any circuit starts (a component that
/// throws while rendering leaves the page body empty, which only a look at the HTML shows).
/// </summary>
[Collection(PortalCollection.Name)]
public class TrainingPageRenderTests(PortalFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DemoAccounts.Hr)]
    [InlineData(DemoAccounts.DirectorBpl)]
    public async Task A_readable_session_shows_its_summary_attendance_and_sheet(string user)
    {
        var html = await PageAsync(user, "/training/sessions/218");

        Assert.Contains("data-testid=\"session-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"attendance\"", html, StringComparison.Ordinal);
        Assert.Contains("download=\"presence-session-218.csv\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_completion_page_shows_its_figures_and_exports()
    {
        var html = await PageAsync(DemoAccounts.Hr, "/training/completion");

        Assert.Contains("data-testid=\"completion-csv\"", html, StringComparison.Ordinal);
        Assert.Contains("download=\"completion.xlsx\"", html, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string user, string address)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(user, DemoAccounts.Password)).StatusCode);
        using var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
