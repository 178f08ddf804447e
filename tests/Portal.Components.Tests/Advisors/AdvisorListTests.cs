using Bunit;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.Tests.Users;
using Portal.Domain.Advisors;
using Portal.Domain.Regions;
using Portal.Domain.Sites;
using Portal.Services.Advisors;
using Portal.Services.Data;
using Portal.Web.Components.Pages.Advisors;

namespace Portal.Components.Tests.Advisors;

/// <summary>
/// The advisors grid over the real <see cref="AdvisorDirectory"/> on a SQLite file: 30 advisors in BPL
/// (region 2, the test director's) and 5 in NC.
/// </summary>
public sealed class AdvisorListTests : PortalComponentTest
{
    private readonly TestDatabase factory = new(db =>
    {
        db.Regions.AddRange(new Region { Id = 1, Code = "NC", Name = "Normandie-Centre", Wave = 1 }, new Region { Id = 2, Code = "BPL", Name = "Bretagne-Pays de la Loire", Wave = 2 });
        db.Sites.AddRange(
            new Site { Id = 1, Name = "Plateau Caen", City = "Caen", RegionId = 1, Kind = SiteKind.InHouse },
            new Site { Id = 2, Name = "Plateau Rennes", City = "Rennes", RegionId = 2, Kind = SiteKind.InHouse });
        db.Advisors.AddRange(Enumerable.Range(1, 30).Select(i => new Advisor { EmployeeNumber = $"B{i:000}", LastName = $"Breton{i:00}", FirstName = "Anne", SiteId = 2 }));
        db.Advisors.AddRange(Enumerable.Range(1, 5).Select(i => new Advisor { EmployeeNumber = $"N{i:000}", LastName = $"Normand{i:00}", FirstName = "Paul", SiteId = 1 }));
    });

    public AdvisorListTests()
    {
        var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<PortalDbContext>>(factory)
            .AddSingleton(TimeProvider.System)
            .AddValidatorsFromAssemblyContaining<SkillChangeValidator>(ServiceLifetime.Singleton)
            .AddSingleton<AdvisorDirectory>()
            .AddSingleton<AdvisorProfileService>()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new Portal.Services.Files.ImportOptions()))
            .AddSingleton<Portal.Services.Files.ImportPipeline>()
            .AddSingleton<AdvisorImportService>();
        Services.AddFallbackServiceProvider(services.BuildServiceProvider());
        Render<MudPopoverProvider>();
    }

    private IRenderedComponent<AdvisorList> RenderAt(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<AdvisorList>();
    }

    private static string[] Numbers(IRenderedComponent<AdvisorList> list) =>
        [.. list.FindAll("[data-testid=employee-number]").Select(c => c.TextContent.Trim())];

    [Fact]
    public void HR_sees_the_first_25_advisors_of_all_regions_by_name()
    {
        User.As(Persona.HR);

        var list = RenderAt("advisors");

        list.WaitForAssertion(() => Assert.Equal(25, Numbers(list).Length));
        Assert.Equal("B001", Numbers(list)[0]);
        Assert.Contains("1-25 sur 35", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_director_sees_only_the_own_region()
    {
        User.As(Persona.RegionalDirector);

        var list = RenderAt("advisors");

        list.WaitForAssertion(() => Assert.Equal(25, Numbers(list).Length));
        Assert.All(Numbers(list), n => Assert.StartsWith("B", n, StringComparison.Ordinal));
        Assert.Contains("1-25 sur 30", list.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_search_in_the_address_filters_the_grid()
    {
        User.As(Persona.HR);

        var list = RenderAt("advisors?q=Normand0");

        list.WaitForAssertion(() => Assert.Equal(["N001", "N002", "N003", "N004", "N005"], Numbers(list)));
    }

    [Fact]
    public void A_director_typing_another_region_in_the_address_gets_no_row()
    {
        User.As(Persona.RegionalDirector);

        var list = RenderAt("advisors?region=NC");

        list.WaitForAssertion(() => Assert.Contains("Aucun conseiller ne correspond.", list.Markup, StringComparison.Ordinal));
        Assert.Empty(Numbers(list));
    }

    [Fact]
    public void The_import_and_new_advisor_panels_are_for_who_may_change_advisors()
    {
        User.As(Persona.HR);
        var forHr = RenderAt("advisors");
        User.As(Persona.RegionalDirector);
        var forDirector = RenderAt("advisors");

        Assert.Empty(forHr.FindAll("[data-testid=new-advisor]"));
        forDirector.WaitForAssertion(() => Assert.NotEmpty(forDirector.FindAll("[data-testid=new-advisor]")));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            factory.Dispose();
        }
        base.Dispose(disposing);
    }
}
