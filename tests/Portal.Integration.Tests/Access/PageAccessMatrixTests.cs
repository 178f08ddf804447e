using System.Net;
using Portal.Services.Demo;
using Portal.Testing;

namespace Portal.Integration.Tests.Access;

/// <summary>
/// Every address typed by hand, for every demo role and for an anonymous visitor: what the server answers.
/// 200 the page, 404 as if it did not exist (another region, or a capability the role may not use),
/// 302 to the login page for anyone not signed in.
/// </summary>
[Collection(PortalCollection.Name)]
public class PageAccessMatrixTests(PortalFixture fixture)
{
    private const string Anonymous = "anonymous";

    // Columns: national, director BPL, director NC, HR, advisor BPL.
    private static readonly (string Path, int National, int DirectorBpl, int DirectorNc, int Hr, int Advisor)[] Expected =
    [
        ("/", 200, 200, 200, 200, 200),
        ("/rollout", 200, 200, 200, 404, 404),
        ("/rollout/BPL", 200, 200, 404, 404, 404),
        ("/rollout/NC", 200, 404, 200, 404, 404),
        ("/rollout/nc", 200, 404, 200, 404, 404),
        ("/rollout/XYZ", 404, 404, 404, 404, 404),
        ("/coverage", 200, 302, 302, 404, 404),
        ("/coverage/BPL", 200, 200, 404, 404, 404),
        ("/coverage/calculator", 200, 200, 200, 404, 404),
        ("/coverage/BPL?week=2026-12-14&channel=Email", 200, 200, 404, 404, 404),
        ("/coverage/NC?week=not-a-date&channel=Chat", 200, 404, 200, 404, 404),
        ("/coverage/BPL?channel=Fax", 404, 404, 404, 404, 404),
        ("/coverage/NC", 200, 404, 200, 404, 404),
        ("/coverage/SUD", 200, 404, 404, 404, 404),
        ("/assignments", 200, 302, 302, 404, 404),
        ("/assignments/BPL", 200, 200, 404, 404, 404),
        ("/assignments/NC", 200, 404, 200, 404, 404),
        ("/advisors", 200, 200, 200, 200, 404),
        ("/advisors/E101300", 200, 200, 404, 200, 404),
        ("/advisors/e101300", 200, 200, 404, 200, 404),
        ("/advisors/E100010", 200, 404, 200, 200, 404),
        ("/advisors/E999999", 404, 404, 404, 404, 404),
        ("/advisors?region=NC", 200, 200, 200, 200, 404),
        ("/skills/matrix", 200, 200, 200, 200, 404),
        ("/skills/matrix?region=NC", 200, 404, 200, 200, 404),
        ("/training/courses", 200, 200, 200, 200, 404),
        ("/training/completion", 200, 200, 200, 200, 404),
        ("/subcontracting", 200, 200, 200, 404, 404),
        ("/me", 404, 404, 404, 404, 200),
        ("/admin/audit", 200, 200, 200, 404, 404),
        ("/admin/users", 200, 404, 404, 404, 404),
        ("/admin/settings", 200, 404, 404, 404, 404),
        ("/Account/Manage/ChangePassword", 200, 200, 200, 200, 200),
        ("/no-such-page", 404, 404, 404, 404, 404),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in Expected)
        {
            data.Add(DemoAccounts.National, row.Path, row.National);
            data.Add(DemoAccounts.DirectorBpl, row.Path, row.DirectorBpl);
            data.Add(DemoAccounts.DirectorNc, row.Path, row.DirectorNc);
            data.Add(DemoAccounts.Hr, row.Path, row.Hr);
            data.Add(DemoAccounts.AdvisorBpl, row.Path, row.Advisor);
            if (row.Path != "/no-such-page")
            {
                data.Add(Anonymous, row.Path, 302);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_address_answers_each_role_as_the_access_rules_say(string user, string path, int expected)
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        if (user != Anonymous)
        {
            var login = await client.LoginAsync(user, DemoAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 302 && user == Anonymous)
        {
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        if (expected == 302 && user != Anonymous)
        {
            // A director's entry to a per-region capability leads to the own region's page, never another's.
            var own = user == DemoAccounts.DirectorBpl ? "BPL" : "NC";
            Assert.EndsWith($"{path}/{own}", new Uri(fixture.App.BaseAddress, response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        }
        if (expected == 404)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("Page introuvable", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_director_never_receives_another_region_name_in_a_refused_page()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);
        await client.LoginAsync(DemoAccounts.DirectorBpl, DemoAccounts.Password);

        using var response = await client.GetAsync("/coverage/NC");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Normandie-Centre", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_answers_anyone_without_personal_data()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body);
    }
}
