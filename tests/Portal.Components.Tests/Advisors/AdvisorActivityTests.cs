using AngleSharp.Dom;
using Bunit;
using Portal.Domain.Training;
using Portal.Services.Advisors;
using Portal.Web.Components.Pages.Advisors.Components;

namespace Portal.Components.Tests.Advisors;

public class AdvisorActivityTests : PortalComponentTest
{
    private IRenderedComponent<AdvisorActivity> RenderActivity(IReadOnlyList<TrainingLine> trainings, IReadOnlyList<ShiftLine> shifts) =>
        Render<AdvisorActivity>(p => p.Add(x => x.Trainings, trainings).Add(x => x.Shifts, shifts));

    private static IElement Table(IRenderedComponent<AdvisorActivity> activity, string label) =>
        activity.Find($"[role=region][aria-label='{label}']");

    private static string[] Cells(IElement table) =>
        [.. table.QuerySelectorAll("tbody td").Select(td => td.TextContent.Trim())];

    [Fact]
    public void Without_training_or_shift_both_tables_say_so_in_French()
    {
        var activity = RenderActivity([], []);

        Assert.Contains("Aucune formation.", Table(activity, "Formation").TextContent, StringComparison.Ordinal);
        Assert.Contains("Rien de planifié dans les deux prochaines semaines.", Table(activity, "Prochaines vacations").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EnrolmentStatus.Planned, "Planifiée")]
    [InlineData(EnrolmentStatus.Completed, "Terminée")]
    [InlineData(EnrolmentStatus.Failed, "Échouée")]
    [InlineData(EnrolmentStatus.NoShow, "Absent")]
    [InlineData(EnrolmentStatus.Cancelled, "Annulée")]
    public void A_training_is_shown_with_its_days_and_its_status_in_French(EnrolmentStatus status, string label)
    {
        var activity = RenderActivity([new TrainingLine("Fidélisation et rétention", new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 9), status)], []);

        Assert.Equal(["Fidélisation et rétention", "08/06/2026 – 09/06/2026", label], Cells(Table(activity, "Formation")));
    }

    [Fact]
    public void A_coming_shift_is_shown_with_its_French_day_its_hours_and_its_channel()
    {
        var activity = RenderActivity([], [new ShiftLine(new DateOnly(2026, 6, 9), new TimeOnly(9, 0), new TimeOnly(17, 30), "Voice")]);

        Assert.Equal(["mardi 9 juin 2026", "09:00 – 17:30", "Téléphone"], Cells(Table(activity, "Prochaines vacations")));
    }

    [Fact]
    public void A_coming_shift_with_a_break_shows_the_break_under_its_hours()
    {
        var line = new ShiftLine(new DateOnly(2026, 6, 9), new TimeOnly(8, 0), new TimeOnly(16, 0), "Voice",
            new Portal.Domain.Assignments.ShiftBreak(new TimeOnly(12, 0), 30));

        var activity = RenderActivity([], [line]);

        Assert.Equal("pause 12:00–12:30", activity.Find("[data-testid=shift-break]").TextContent.Trim());
    }
}
