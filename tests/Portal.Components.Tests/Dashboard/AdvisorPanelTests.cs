using AngleSharp.Dom;
using Bunit;
using Portal.Services.Dashboard;
using Portal.Web.Components.Pages.Dashboard.Components;

namespace Portal.Components.Tests.Dashboard;

public class AdvisorPanelTests : PortalComponentTest
{
    private static readonly UpcomingItem VoiceShift =
        new(new DateOnly(2026, 3, 2), UpcomingKind.Shift, new TimeOnly(8, 30), new TimeOnly(16, 30), "Voice");

    private static readonly UpcomingItem TrainingDay =
        new(new DateOnly(2026, 3, 3), UpcomingKind.Training, null, null, "Procédures de bascule");

    private static readonly UpcomingItem ChatShift =
        new(new DateOnly(2026, 3, 4), UpcomingKind.Shift, new TimeOnly(13, 0), new TimeOnly(20, 0), "Chat");

    private IRenderedComponent<AdvisorPanel> RenderWith(params UpcomingItem[] next) =>
        Render<AdvisorPanel>(p => p.Add(x => x.View, new AdvisorDashboard("Camille Martin", "E012345", "Caen Centre", next)));

    private static string[] Cells(IElement row) => [.. row.Children.Select(c => c.TextContent.Trim())];

    [Fact]
    public void Advisor_sees_their_name_employee_number_and_site()
    {
        var panel = RenderWith(VoiceShift);

        Assert.Equal("Camille Martin", panel.Find("[data-testid=advisor-name]").TextContent.Trim());
        Assert.Contains("E012345 · Caen Centre", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_assignments_are_listed_in_the_order_given()
    {
        var rows = RenderWith(VoiceShift, TrainingDay, ChatShift).FindAll("tbody tr");

        Assert.Equal(["lundi 2 mars 2026", "mardi 3 mars 2026", "mercredi 4 mars 2026"], rows.Select(r => r.Children[0].TextContent.Trim()));
    }

    [Fact]
    public void A_training_day_shows_the_training_chip_all_day_and_the_course_title()
    {
        var row = RenderWith(TrainingDay).Find("tbody tr");

        Assert.Equal(["mardi 3 mars 2026", "Formation", "Journée", "Procédures de bascule"], Cells(row));
    }

    [Fact]
    public void A_voice_shift_shows_its_hours_and_the_channel_in_French()
    {
        var row = RenderWith(VoiceShift).Find("tbody tr");

        Assert.Equal(["lundi 2 mars 2026", "Vacation", "08:30 – 16:30", "Téléphone"], Cells(row));
    }

    [Fact]
    public void With_nothing_planned_the_advisor_is_told_so_instead_of_an_empty_table()
    {
        var panel = RenderWith();

        Assert.Contains("Rien de planifié dans les deux prochaines semaines.", panel.Markup, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("table"));
    }
}
