using Bunit;
using Portal.Domain.Assignments;
using Portal.Services.Assignments;
using Portal.Web.Components.Pages.Assignments.Components;

namespace Portal.Components.Tests.Assignments;

/// <summary>One advisor's day in the planner: what it shows, and what a click on it asks the page to do.</summary>
public sealed class PlannerCellTests : PortalComponentTest
{
    private static readonly DateOnly Day = new(2026, 12, 15);

    private static ShiftView Shift(int id, int start, int end, TimeOnly? pause = null) =>
        new(id, 3, 7, Day, new TimeOnly(start, 0), new TimeOnly(end % 24, 0), 1, "Voice", pause, pause is null ? 0 : 60, null);

    private static PlannerRow Row(PlannerDay day) => new(7, "E101300", "Maëlys Le Floch", "Rennes Cesson", 100, [day]);

    private IRenderedComponent<PlannerCell> RenderCell(PlannerDay day, Action<(PlannerRow Row, DateOnly Day)>? onAdd = null, Action<ShiftView>? onEdit = null) =>
        Render<PlannerCell>(p => p
            .Add(c => c.Row, Row(day))
            .Add(c => c.Day, day)
            .Add(c => c.OnAdd, cell => onAdd?.Invoke(cell))
            .Add(c => c.OnEdit, shift => onEdit?.Invoke(shift)));

    [Fact]
    public void A_day_shows_each_shift_with_its_hours_and_channel_and_its_break_in_the_title()
    {
        var cell = RenderCell(new PlannerDay(Day, [Shift(1, 8, 12), Shift(2, 14, 22, new TimeOnly(18, 0))], null, null));

        var shifts = cell.FindAll("[data-testid=planner-shift]");
        Assert.Equal(["08:00–12:00 Voice", "14:00–22:00 Voice"], shifts.Select(s => s.TextContent.Trim()));
        Assert.Equal("Voice, pause à 18:00 (60 min)", shifts[1].GetAttribute("title"));
        Assert.Equal("2026-12-15", cell.Find("[data-testid=planner-cell]").GetAttribute("data-date"));
    }

    [Fact]
    public void Clicking_a_shift_asks_to_edit_that_shift_and_the_add_button_asks_for_a_new_one_on_that_advisor_and_day()
    {
        ShiftView? edited = null;
        (PlannerRow Row, DateOnly Day)? added = null;
        var cell = RenderCell(new PlannerDay(Day, [Shift(1, 8, 12), Shift(2, 14, 20)], null, null), c => added = c, s => edited = s);

        cell.FindAll("[data-testid=planner-shift]")[1].Click();
        cell.Find("[data-testid=planner-add] button, button[data-testid=planner-add]").Click();

        Assert.Equal(2, edited!.Id);
        Assert.Equal((7, Day), (added!.Value.Row.AdvisorId, added.Value.Day));
    }

    [Fact]
    public void A_training_day_names_the_course_and_offers_no_new_shift()
    {
        var cell = RenderCell(new PlannerDay(Day, [Shift(1, 8, 12)], "TRANSV-COM", null));

        Assert.Equal("Formation TRANSV-COM", cell.Find("[data-testid=planner-training]").TextContent.Trim());
        Assert.Empty(cell.FindAll("[data-testid=planner-add]"));
        // The shift planned before the session stays visible: the director sees what the training day replaces.
        Assert.Single(cell.FindAll("[data-testid=planner-shift]"));
    }

    [Fact]
    public void An_absence_shows_its_kind_and_offers_no_new_shift()
    {
        var cell = RenderCell(new PlannerDay(Day, [], null, AbsenceKind.Sickness));

        Assert.Equal("Maladie", cell.Find("[data-testid=planner-absence]").TextContent.Trim());
        Assert.Empty(cell.FindAll("[data-testid=planner-add]"));
    }

    [Fact]
    public void An_empty_day_offers_to_add_a_shift_named_for_the_advisor_and_day()
    {
        var cell = RenderCell(new PlannerDay(Day, [], null, null));

        var add = cell.Find("[data-testid=planner-add]");
        Assert.Equal("Ajouter une vacation à Maëlys Le Floch le 15/12/2026", add.GetAttribute("aria-label"));
        Assert.Empty(cell.FindAll("[data-testid=planner-shift]"));
    }
}
