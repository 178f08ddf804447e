using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Training;
using Portal.Services;
using Portal.Services.Advisors;
using Portal.Services.Assignments;
using Portal.Services.Training;

namespace Portal.Soak;

/// <summary>
/// One user at work until the deadline: a director of their region or a national administrator (every kind of
/// change, in the soak's regions), or HR (reads the completion figures; HR changes neither advisors nor the training
/// plan). Every change goes through the service the page calls, with the version the user was shown; the pause between
/// reading and saving is where two users meet on the same row.
/// </summary>
internal sealed class Writer(int number, Actor actor, SoakDatabase demo, SoakWorld world, Ledger ledger)
{
    private static readonly (WorkKind Kind, int Weight)[] Mix =
    [
        (WorkKind.AdvisorEdit, 35), (WorkKind.AdvisorImport, 5), (WorkKind.ShiftCreate, 20), (WorkKind.ShiftMove, 15),
        (WorkKind.ShiftDelete, 8), (WorkKind.Enrol, 10), (WorkKind.Withdraw, 7),
    ];

    private readonly Random random = new(number * 7919 + 17);
    private int operation;

    public async Task RunAsync(DateTime until)
    {
        while (DateTime.UtcNow < until)
        {
            var kind = actor.Role == PortalRole.HR ? WorkKind.CompletionRead : Pick();
            operation++;
            try
            {
                using var scope = demo.Services.CreateScope();
                await DoAsync(kind, scope.ServiceProvider);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                ledger.Failed(kind, exception);
            }
        }
    }

    private WorkKind Pick()
    {
        var roll = random.Next(Mix.Sum(m => m.Weight));
        foreach (var (kind, weight) in Mix)
        {
            if ((roll -= weight) < 0)
            {
                return kind;
            }
        }
        return Mix[0].Kind;
    }

    private SoakRegion Region => actor.RegionId is { } id ? world.Regions.Single(r => r.Id == id) : world.Regions[random.Next(world.Regions.Count)];

    private string Tag(char kind) => $"{kind}{number}x{operation}";

    private Task ThinkAsync() => Task.Delay(random.Next(0, 15));

    private Task DoAsync(WorkKind kind, IServiceProvider services) => kind switch
    {
        WorkKind.AdvisorEdit => EditAdvisorAsync(services.GetRequiredService<AdvisorProfileService>()),
        WorkKind.AdvisorImport => ImportAdvisorsAsync(services.GetRequiredService<AdvisorProfileService>(), services.GetRequiredService<AdvisorImportService>()),
        WorkKind.ShiftCreate => CreateShiftAsync(services.GetRequiredService<AssignmentService>()),
        WorkKind.ShiftMove => ChangeShiftAsync(services.GetRequiredService<AssignmentService>(), delete: false),
        WorkKind.ShiftDelete => ChangeShiftAsync(services.GetRequiredService<AssignmentService>(), delete: true),
        WorkKind.Enrol => EnrolAsync(services.GetRequiredService<EnrolmentService>()),
        WorkKind.Withdraw => WithdrawAsync(services.GetRequiredService<TrainingSessionService>(), services.GetRequiredService<EnrolmentService>()),
        _ => ReadCompletionAsync(services.GetRequiredService<TrainingCompletionService>()),
    };

    private async Task EditAdvisorAsync(AdvisorProfileService profiles)
    {
        var region = Region;
        var employee = region.HotAdvisors[random.Next(region.HotAdvisors.Count)];
        var profile = await profiles.GetAsync(actor, employee);
        if (profile is null)
        {
            ledger.Unexplained(WorkKind.AdvisorEdit, $"advisor {employee} not found");
            return;
        }
        await ThinkAsync();
        var tag = Tag('E');
        var result = await profiles.UpdateAsync(actor, new AdvisorDetails(employee, profile.Version, profile.LastName, tag, profile.SiteId, random.Next(50, 101)));
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                ledger.AdvisorEdited(employee, profile.Version + 1, tag);
                ledger.Count(WorkKind.AdvisorEdit, Ending.Saved);
                break;
            case SaveOutcome.Conflict when result.Conflict is not null:
                ledger.Count(WorkKind.AdvisorEdit, Ending.Conflict);
                break;
            default:
                ledger.Unexplained(WorkKind.AdvisorEdit, $"{result.Outcome} {string.Join(", ", result.Errors.Values)} (conflict shown: {result.Conflict is not null})");
                break;
        }
    }

    /// <summary>A small advisor file: three new advisors and two of the region's contested ones, with a name of its own.</summary>
    private async Task ImportAdvisorsAsync(AdvisorProfileService profiles, AdvisorImportService imports)
    {
        var region = Region;
        var contested = region.HotAdvisors.OrderBy(_ => random.Next()).Take(2).ToList();
        var file = new StringBuilder("employeeNumber;lastName;firstName;site;workingTimePercent;active;skills\n");
        for (var i = 0; i < 3; i++)
        {
            file.Append($"SK{number:00}{operation:000000}{i};Soak;New{i};{region.InHouseSite};100;true;\n");
        }
        var tag = Tag('I');
        foreach (var employee in contested)
        {
            var profile = await profiles.GetAsync(actor, employee);
            file.Append($"{employee};{profile!.LastName};{tag};{profile.Site};{random.Next(50, 101)};true;\n");
        }
        await ThinkAsync();
        var result = await imports.ImportAsync(actor, new MemoryStream(Encoding.UTF8.GetBytes(file.ToString())));
        if (!result.Succeeded || result.Counts.Created != 3 || result.Counts.Updated != contested.Count)
        {
            ledger.Unexplained(WorkKind.AdvisorImport, $"{result.Summary} {string.Join(" | ", result.Errors.Select(e => e.Message))} {result.Counts}");
            return;
        }
        foreach (var employee in contested)
        {
            ledger.AdvisorImported(employee, tag);
        }
        Interlocked.Add(ref ledger.ImportedAdvisorsCreated, result.Counts.Created);
        ledger.Count(WorkKind.AdvisorImport, Ending.Saved);
    }

    private TimeOnly AnyStart() => new TimeOnly(8, 0).AddMinutes(30 * random.Next(0, 5));

    private static ShiftForm Form(int advisorId, DateOnly date, TimeOnly start) => new()
    {
        AdvisorId = advisorId, ChannelId = SoakWorld.VoiceChannelId, Date = date, Start = start, End = start.AddHours(8),
        BreakStart = start.AddHours(4), BreakMinutes = 60,
    };

    private async Task CreateShiftAsync(AssignmentService assignments)
    {
        var region = Region;
        var form = Form(region.ShiftAdvisors[random.Next(region.ShiftAdvisors.Count)], world.ShiftDays[random.Next(world.ShiftDays.Count)], AnyStart());
        Planned(WorkKind.ShiftCreate, await assignments.SaveAsync(actor, form), shiftId: null);
    }

    private async Task ChangeShiftAsync(AssignmentService assignments, bool delete)
    {
        var region = Region;
        var kind = delete ? WorkKind.ShiftDelete : WorkKind.ShiftMove;
        List<ShiftSeen> seen;
        await using (var db = demo.CreateDbContext())
        {
            // What the planner showed the director: the shifts of the soak's weeks for the region's planned advisors.
            seen = await db.Shifts.AsNoTracking()
                .Where(s => region.ShiftAdvisors.Contains(s.AdvisorId) && s.Date >= world.FirstShiftDay && s.Date <= world.LastShiftDay)
                .Select(s => new ShiftSeen(s.Id, s.Version, s.AdvisorId, s.Date, s.Start)).ToListAsync();
        }
        if (seen.Count == 0)
        {
            await CreateShiftAsync(assignments);
            return;
        }
        // Half the changes go to the first few shifts, so that directors often work on the same one.
        var shift = random.Next(2) == 0 ? seen[random.Next(Math.Min(8, seen.Count))] : seen[random.Next(seen.Count)];
        await ThinkAsync();
        if (delete)
        {
            var deleted = await assignments.DeleteAsync(actor, shift.Id, shift.Version);
            if (deleted.Outcome == SaveOutcome.Saved)
            {
                ledger.ShiftDeleted(shift.Id, shift.Version);
            }
            Planned(kind, deleted, shift.Id);
            return;
        }
        var start = AnyStart();
        while (start == shift.Start)
        {
            start = AnyStart();
        }
        var form = Form(shift.AdvisorId, shift.Date, start);
        form.Id = shift.Id;
        form.Version = shift.Version;
        var moved = await assignments.SaveAsync(actor, form);
        if (moved.Outcome == SaveOutcome.Saved)
        {
            ledger.ShiftMoved(shift.Id, shift.Version + 1, start);
        }
        Planned(kind, moved, shift.Id);
    }

    private void Planned(WorkKind kind, PlanningResult result, int? shiftId)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                ledger.Count(kind, Ending.Saved);
                break;
            case SaveOutcome.Conflict:
                ledger.Count(kind, Ending.Conflict);
                break;
            case SaveOutcome.Invalid when result.Refusals.Count > 0 && result.Errors.Count == 0:
                ledger.Count(kind, Ending.RefusedByRule);
                break;
            case SaveOutcome.NotFound when shiftId is { } id:
                // Deleted by someone else since the planner showed it: the end check holds this to a saved delete.
                ledger.ShiftsFoundGone.Add(id);
                ledger.Count(kind, Ending.GoneMeanwhile);
                break;
            default:
                ledger.Unexplained(kind, $"{result.Outcome} {string.Join(", ", result.Errors.Values)}");
                break;
        }
    }

    private async Task EnrolAsync(EnrolmentService enrolments)
    {
        var region = Region;
        var session = region.Sessions[random.Next(region.Sessions.Count)];
        var candidates = await enrolments.CandidatesAsync(actor, session, null);
        var free = candidates!.Where(c => c.CanEnrol).ToList();
        if (free.Count == 0)
        {
            ledger.Count(WorkKind.Enrol, Ending.RefusedByRule);
            return;
        }
        var chosen = free.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(c => c.AdvisorId).ToList();
        await ThinkAsync();
        var result = await enrolments.EnrolAsync(actor, new EnrolmentRequest(session, chosen, ConfirmCoverage: true));
        switch (result.Outcome)
        {
            case TrainingOutcome.Saved:
                ledger.Count(WorkKind.Enrol, Ending.Saved);
                break;
            case TrainingOutcome.Conflict:
                ledger.Count(WorkKind.Enrol, Ending.Conflict);
                break;
            case TrainingOutcome.Refused:
                ledger.Count(WorkKind.Enrol, Ending.RefusedByRule);
                break;
            default:
                ledger.Unexplained(WorkKind.Enrol, $"{result.Outcome} {string.Join(", ", result.Errors.Values)}");
                break;
        }
    }

    private async Task WithdrawAsync(TrainingSessionService sessions, EnrolmentService enrolments)
    {
        var region = Region;
        var detail = await sessions.GetAsync(actor, region.Sessions[random.Next(region.Sessions.Count)]);
        var planned = detail!.Enrolments.Where(e => e.Status == EnrolmentStatus.Planned).ToList();
        if (planned.Count == 0)
        {
            await EnrolAsync(enrolments);
            return;
        }
        var enrolment = planned[random.Next(Math.Min(4, planned.Count))];
        await ThinkAsync();
        var result = await enrolments.WithdrawAsync(actor, enrolment.Id, enrolment.Version);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                ledger.Count(WorkKind.Withdraw, Ending.Saved);
                break;
            case SaveOutcome.Conflict:
                ledger.Count(WorkKind.Withdraw, Ending.Conflict);
                break;
            case SaveOutcome.Invalid when result.Errors.Values.Contains("Enrolment_NotPlanned"):
                ledger.Count(WorkKind.Withdraw, Ending.GoneMeanwhile);
                break;
            default:
                ledger.Unexplained(WorkKind.Withdraw, $"{result.Outcome} {string.Join(", ", result.Errors.Values)}");
                break;
        }
    }

    private async Task ReadCompletionAsync(TrainingCompletionService completion)
    {
        var view = await completion.GetAsync(actor);
        var missing = await completion.MissingAsync(actor, new Portal.Services.Training.MissingQuery());
        if (view is null || missing.Total == 0)
        {
            ledger.Unexplained(WorkKind.CompletionRead, "no completion figures");
            return;
        }
        ledger.Count(WorkKind.CompletionRead, Ending.Saved);
        await Task.Delay(random.Next(200, 600));
    }

    private sealed record ShiftSeen(int Id, int Version, int AdvisorId, DateOnly Date, TimeOnly Start);
}
