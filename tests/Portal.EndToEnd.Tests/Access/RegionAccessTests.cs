using System.Net;
using Portal.EndToEnd.Tests.Infrastructure;
using Portal.EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.EndToEnd.Tests.Access;

[Collection(PortalCollection.Name)]
public sealed class RegionAccessTests(PortalFixture portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData("coverage")]
    [InlineData("assignments")]
    [InlineData("rollout")]
    public async Task A_director_typing_the_address_of_another_regions_page_is_told_it_does_not_exist(string feature)
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);

        var response = await Page.GotoAsync($"{feature}/NC");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Expect(new NotFoundPage(Page).Heading).ToBeVisibleAsync();
        await Expect(new RegionPage(Page).Heading).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Normandie-Centre")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("coverage")]
    [InlineData("assignments")]
    [InlineData("rollout")]
    public async Task A_director_opens_the_pages_of_the_own_region(string feature)
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);

        var response = await Page.GotoAsync($"{feature}/BPL");

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await Expect(new RegionPage(Page).Heading).ToContainTextAsync("BPL · Bretagne-Pays de la Loire");
    }

    [Fact]
    public async Task A_director_typing_the_user_administration_address_is_told_it_does_not_exist()
    {
        await (await LoginPage.OpenAsync(Page)).SignInAsync(DemoLogins.DirectorBpl);

        var response = await Page.GotoAsync("admin/users");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Expect(new NotFoundPage(Page).Heading).ToBeVisibleAsync();
    }
}
