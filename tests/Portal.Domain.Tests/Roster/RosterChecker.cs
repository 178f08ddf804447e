using Portal.Domain.Assignments;
using Portal.Domain.Channels;
using Portal.Domain.Roster;

namespace Portal.Domain.Tests.Roster;

/// <summary>
/// Reads the planning rules (specification section 11) afresh, without the portal's rule code, and lists every way a
/// proposed week breaks them: the advisors' resulting plan is the draft's shifts plus the shifts the draft does not
/// plan (other weeks, other channels). No roster test trusts the generator's own report.
/// </summary>
internal static class RosterChecker
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static IReadOnlyList<string> Violations(RosterRequest request, RosterDraft draft)
    {
        var found = new List<string>();
        var monday = request.Monday;
        var planned = request.Channels.ToDictionary(c => c.Coverage.Channel.Id, c => c.Coverage.Channel);
        foreach (var pin in request.Pinned)
        {
            if (!draft.Shifts.Any(s => ReferenceEquals(s, pin) || Same(s, pin)))
            {
                found.Add($"pinned shift of {pin.AdvisorId} on {pin.Date} dropped");
            }
        }
        foreach (var advisor in request.Advisors)
        {
            var outside = advisor.Shifts.Where(s => !planned.ContainsKey(s.ChannelId) || s.Date < monday || s.Date > monday.AddDays(6));
            var mine = draft.Shifts.Where(s => s.AdvisorId == advisor.AdvisorId).ToList();
            var all = outside.Concat(mine).Select(s => (Shift: s, Start: Utc(s.Date, s.Start), End: Utc(s.End > s.Start ? s.Date : s.Date.AddDays(1), s.End))).ToList();
            foreach (var (shift, start, end) in all.Where(x => mine.Contains(x.Shift)))
            {
                var tag = $"{advisor.EmployeeNumber} {shift.Date} {shift.Start}-{shift.End}";
                var channel = planned[shift.ChannelId];
                var length = (end - start).TotalHours;
                if (length <= 0 || length > 24)
                {
                    found.Add($"{tag}: length");
                }
                if (channel.RequiredSkills.Any(s => !advisor.CertifiedSkills.Contains(s.SkillId)))
                {
                    found.Add($"{tag}: skills");
                }
                var lastDay = shift.End > shift.Start || shift.End == TimeOnly.MinValue ? shift.Date : shift.Date.AddDays(1);
                for (var day = shift.Date; day <= lastDay; day = day.AddDays(1))
                {
                    if (advisor.TrainingDays.Contains(day))
                    {
                        found.Add($"{tag}: training day");
                    }
                    if (advisor.Absences.Any(a => a.FirstDay <= day && day <= a.LastDay))
                    {
                        found.Add($"{tag}: absent");
                    }
                }
                if (!Opened(channel, shift))
                {
                    found.Add($"{tag}: opening hours");
                }
                if (shift.BreakStart is { } pause && shift.BreakMinutes > 0)
                {
                    var offset = Minutes(shift.Start, pause);
                    var span = Minutes(shift.Start, shift.End) is var m && m == 0 ? 1440 : m;
                    if (pause.Minute % 30 != 0 || shift.BreakMinutes is not (30 or 60) || offset <= 0 || offset + shift.BreakMinutes >= span)
                    {
                        found.Add($"{tag}: break");
                    }
                }
                foreach (var other in all.Where(o => !ReferenceEquals(o.Shift, shift)))
                {
                    if (other.Start < end && start < other.End)
                    {
                        found.Add($"{tag}: overlaps {other.Shift.Date} {other.Shift.Start}");
                    }
                    else if ((other.End <= start && (start - other.End).TotalHours < 11) || (end <= other.Start && (other.Start - end).TotalHours < 11))
                    {
                        found.Add($"{tag}: rest with {other.Shift.Date} {other.Shift.Start}");
                    }
                }
                var day0 = all.Where(o => o.Shift.Date == shift.Date).Sum(o => Worked(o.Shift, o.Start, o.End));
                if (day0 > 10 + 1e-9)
                {
                    found.Add($"{tag}: {day0} hours on the day");
                }
            }
            var week = all.Where(o => o.Shift.Date >= monday && o.Shift.Date <= monday.AddDays(6)).Sum(o => Worked(o.Shift, o.Start, o.End));
            if (week > 48 + 1e-9)
            {
                found.Add($"{advisor.EmployeeNumber}: {week} hours in the week");
            }
            if (mine.Count > 0 && week > (35.0 * advisor.WorkingTimePercent / 100) + 2 + 1e-9)
            {
                found.Add($"{advisor.EmployeeNumber}: {week} hours over the contract");
            }
        }
        return found;
    }

    private static bool Same(Shift a, Shift b) =>
        a.AdvisorId == b.AdvisorId && a.ChannelId == b.ChannelId && a.Date == b.Date && a.Start == b.Start && a.End == b.End;

    private static double Worked(Shift shift, DateTime start, DateTime end) => (end - start).TotalHours - (shift.BreakMinutes / 60.0);

    private static int Minutes(TimeOnly from, TimeOnly to) => (((to.Hour * 60) + to.Minute - (from.Hour * 60) - from.Minute) + 1440) % 1440;

    /// <summary>Each day the shift touches is open over the part of the shift it holds; holidays open as Sundays.</summary>
    private static bool Opened(Channel channel, Shift shift)
    {
        var startMinute = (shift.Start.Hour * 60) + shift.Start.Minute;
        var endMinute = startMinute + (Minutes(shift.Start, shift.End) is var m && m == 0 ? 1440 : m);
        return Covers(channel, shift.Date, startMinute, Math.Min(endMinute, 1440))
               && (endMinute <= 1440 || Covers(channel, shift.Date.AddDays(1), 0, endMinute - 1440));
    }

    private static bool Covers(Channel channel, DateOnly date, int from, int to)
    {
        var weekday = Portal.Domain.Time.FrenchHolidays.IsHoliday(date) ? DayOfWeek.Sunday : date.DayOfWeek;
        var hours = channel.OpeningHours.FirstOrDefault(h => h.Day == weekday);
        if (hours is null)
        {
            return false;
        }
        var opens = (hours.Opens.Hour * 60) + hours.Opens.Minute;
        var closes = hours.Closes == TimeOnly.MinValue ? 1440 : (hours.Closes.Hour * 60) + hours.Closes.Minute;
        return from >= opens && to <= closes;
    }

    /// <summary>A wall-clock time in Paris as an instant: a skipped time moves on by the gap, a repeated one is read in summer time.</summary>
    private static DateTime Utc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        if (Paris.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        var offset = Paris.IsAmbiguousTime(local) ? Paris.GetAmbiguousTimeOffsets(local).Max() : Paris.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }
}
