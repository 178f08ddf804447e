using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Advisors;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;
using Portal.Services.Subcontracting;

namespace Portal.Services.Advisors;

/// <summary>The outcome of a skill change; a conflict names the change that came first.</summary>
public sealed record SkillChangeResult(SaveOutcome Outcome, IReadOnlyDictionary<string, string> Errors, ConflictingChange? Conflict = null);

/// <summary>Who changed the advisor in the meantime, when, and what.</summary>
public sealed record ConflictingChange(string UserName, DateTime AtUtc, string What);

/// <summary>
/// One advisor: the profile for a page, and changes of skill levels. Readable by who may read the advisor's region in
/// the Advisors area (HR read-only); changeable by its director and national administrators. Every change is audited.
/// </summary>
public sealed class AdvisorProfileService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IValidator<SkillChange> validator,
    IValidator<NewAdvisor> newAdvisorValidator,
    TimeProvider clock)
{
    /// <summary>
    /// The answer to an employee number already given, the same whichever region holds it; an import refusing a taken
    /// number uses the same words.
    /// </summary>
    public const string EmployeeNumberUnavailable = "Advisor_EmployeeNumberUnavailable";

    /// <summary>Creates an advisor at an in-house site of a region the actor may change; the employee number must be new.</summary>
    public async Task<SaveResult> CreateAsync(Actor actor, NewAdvisor form, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Advisors))
        {
            return SaveResult.NotFound;
        }
        var validation = await newAdvisorValidator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.SiteId, cancellationToken);
        if (site is null || !site.IsInHouse || !AccessRules.CanChange(actor, Area.Advisors, site.RegionId))
        {
            return SaveResult.Invalid(nameof(NewAdvisor.SiteId), "Capacity_SiteRequired");
        }
        var number = form.EmployeeNumber.ToUpperInvariant();
        // Employee numbers are unique nationwide: the answer is the same whichever region holds the number, so that it
        // tells nobody what exists elsewhere.
        if (await db.Advisors.AnyAsync(a => a.EmployeeNumber == number, cancellationToken))
        {
            return SaveResult.Invalid(nameof(NewAdvisor.EmployeeNumber), EmployeeNumberUnavailable);
        }
        var advisor = new Advisor
        {
            EmployeeNumber = number, LastName = form.LastName.Trim(), FirstName = form.FirstName.Trim(), SiteId = site.Id,
            WorkingTimePercent = form.WorkingTimePercent, Active = true, Team = form.TeamName,
        };
        db.Advisors.Add(advisor);
        AuditLog.Record(db, actor, clock, AuditEntities.Advisor, number, site.RegionId, "Create", null,
            new { advisor.LastName, advisor.FirstName, Site = site.Name, advisor.WorkingTimePercent, advisor.Team, advisor.Active });
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved;
    }

    /// <summary>
    /// Changes an advisor's names, site (an in-house site of a region the actor may change) and working time. A change
    /// made since the user's page was shown is never overwritten: the user gets that change instead.
    /// </summary>
    public async Task<SkillChangeResult> UpdateAsync(Actor actor, AdvisorDetails form, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Advisors))
        {
            return new SkillChangeResult(SaveOutcome.NotFound, new Dictionary<string, string>());
        }
        var validation = await newAdvisorValidator.ValidateAsync(form.AsNew(), cancellationToken);
        if (!validation.IsValid)
        {
            return new SkillChangeResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = form.EmployeeNumber.ToUpperInvariant();
        var advisor = await db.Advisors.Include(a => a.Site).SingleOrDefaultAsync(a => a.EmployeeNumber == number, cancellationToken);
        if (advisor is null || !AccessRules.CanChange(actor, Area.Advisors, advisor.Site!.RegionId))
        {
            return new SkillChangeResult(SaveOutcome.NotFound, new Dictionary<string, string>());
        }
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.SiteId, cancellationToken);
        if (site is null || !site.IsInHouse || !AccessRules.CanChange(actor, Area.Advisors, site.RegionId))
        {
            return new SkillChangeResult(SaveOutcome.Invalid, new Dictionary<string, string> { [nameof(AdvisorDetails.SiteId)] = "Capacity_SiteRequired" });
        }
        var regionBefore = advisor.Site.RegionId;
        var before = new { advisor.LastName, advisor.FirstName, Site = advisor.Site.Name, advisor.WorkingTimePercent, advisor.Team };
        advisor.LastName = form.LastName.Trim();
        advisor.FirstName = form.FirstName.Trim();
        advisor.SiteId = site.Id;
        advisor.WorkingTimePercent = form.WorkingTimePercent;
        advisor.Team = form.AsNew().TeamName;
        db.Entry(advisor).State = EntityState.Modified;
        advisor.Version = form.Version;
        AuditLog.Record(db, actor, clock, AuditEntities.Advisor, number, site.RegionId, "Update", before,
            new { advisor.LastName, advisor.FirstName, Site = site.Name, advisor.WorkingTimePercent, advisor.Team });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new SkillChangeResult(SaveOutcome.Saved, new Dictionary<string, string>());
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SkillChangeResult(SaveOutcome.Conflict, new Dictionary<string, string>(), await LastChangeAsync(number, regionBefore, cancellationToken));
        }
    }

    /// <summary>
    /// Deactivates or reactivates an advisor: no one with a history is deleted. The version the user saw guards against
    /// a concurrent change.
    /// </summary>
    public async Task<SaveResult> SetActiveAsync(Actor actor, string employeeNumber, int version, bool active, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Advisors))
        {
            return SaveResult.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = employeeNumber.ToUpperInvariant();
        var advisor = await db.Advisors.Include(a => a.Site).SingleOrDefaultAsync(a => a.EmployeeNumber == number, cancellationToken);
        if (advisor is null || !AccessRules.CanChange(actor, Area.Advisors, advisor.Site!.RegionId))
        {
            return SaveResult.NotFound;
        }
        if (advisor.Active == active)
        {
            return SaveResult.Saved;
        }
        AuditLog.Record(db, actor, clock, AuditEntities.Advisor, number, advisor.Site.RegionId, active ? "Reactivate" : "Deactivate",
            new { Active = advisor.Active }, new { Active = active });
        advisor.Version = version;
        advisor.Active = active;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
    }

    /// <summary>
    /// The advisor's profile, or null when the actor may not read it. Coming shifts are assignments: only who may read
    /// the region's assignments gets them (not HR); a training day replaces that day's shift.
    /// </summary>
    public async Task<AdvisorProfile?> GetAsync(Actor actor, string employeeNumber, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Advisors))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = employeeNumber.ToUpperInvariant();
        var advisor = await db.Advisors.AsNoTracking()
            .Where(a => a.EmployeeNumber == number)
            .Select(a => new { a.Id, a.Version, a.EmployeeNumber, a.FirstName, a.LastName, a.SiteId, a.Site!.RegionId, Region = a.Site.Region!.Code, Site = a.Site.Name, a.WorkingTimePercent, a.Active, a.Team })
            .SingleOrDefaultAsync(cancellationToken);
        if (advisor is null || !AccessRules.CanRead(actor, Area.Advisors, advisor.RegionId))
        {
            return null;
        }
        var skills = await db.AdvisorSkills.AsNoTracking().Where(s => s.AdvisorId == advisor.Id)
            .Select(s => new HeldSkill(s.SkillId, s.Skill!.Code, s.Skill.Name, s.Level, s.CertifiedOn, s.Source,
                db.Courses.Where(c => c.Id == s.CourseId).Select(c => c.Title).FirstOrDefault(), s.SetBy))
            .ToListAsync(cancellationToken);
        var held = skills.Select(s => s.SkillId).ToList();
        var others = await db.Skills.AsNoTracking().Where(s => !held.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        var trainings = (await db.Enrolments.AsNoTracking().Where(e => e.AdvisorId == advisor.Id)
            .Select(e => new { e.Session!.Course!.Title, Days = e.Session.Days.Select(d => d.Date).ToList(), e.Status })
            .ToListAsync(cancellationToken))
            .Select(e => new TrainingLine(e.Title, e.Days.Min(), e.Days.Max(), e.Status))
            .OrderByDescending(t => t.FirstDay).ToList();
        var today = LocalCalendar.Paris.Today(clock);
        var horizon = today.AddDays(14);
        var seesShifts = AccessRules.CanRead(actor, Area.Assignments, advisor.RegionId);
        var inTraining = (await db.Enrolments.AsNoTracking().Where(Enrolment.InTraining).Where(e => e.AdvisorId == advisor.Id)
            .SelectMany(e => e.Session!.Days.Where(d => d.Date >= today && d.Date <= horizon), (e, d) => d.Date)
            .ToListAsync(cancellationToken)).ToHashSet();
        var shifts = !seesShifts ? [] : (await db.Shifts.AsNoTracking().Where(s => s.AdvisorId == advisor.Id && s.Date >= today && s.Date <= horizon)
            .OrderBy(s => s.Date).ThenBy(s => s.Start)
            .Select(s => new { s.Date, s.Start, s.End, Channel = s.Channel!.Code, s.BreakStart, s.BreakMinutes }).ToListAsync(cancellationToken))
            .Where(s => !inTraining.Contains(s.Date)).ToList();
        return new AdvisorProfile(advisor.Id, advisor.Version, advisor.EmployeeNumber, advisor.FirstName, advisor.LastName, advisor.Region,
            advisor.Site, advisor.WorkingTimePercent, advisor.Active, AccessRules.CanChange(actor, Area.Advisors, advisor.RegionId),
            skills.OrderBy(s => s.Name).ToList(), others, trainings, shifts.Select(s => new ShiftLine(s.Date, s.Start, s.End, s.Channel,
                s.BreakStart is { } pause && s.BreakMinutes > 0 ? new Domain.Assignments.ShiftBreak(pause, s.BreakMinutes) : null)).ToList())
        {
            SeesShifts = seesShifts,
            SiteId = advisor.SiteId,
            Team = advisor.Team,
            Sites = await db.Sites.AsNoTracking().Where(Domain.Sites.Site.InHouse).OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, s.RegionId }).ToListAsync(cancellationToken) is var all
                ? all.Where(s => AccessRules.CanChange(actor, Area.Advisors, s.RegionId)).Select(s => new Choice(s.Id, s.Name)).ToList()
                : [],
        };
    }

    /// <summary>
    /// Sets one skill's level by hand, through the advisor's own rule (<see cref="Advisor.SetSkill"/>): lowering needs a
    /// reason, the level is dated by the user and recorded as set by the user. The advisor's version guards the change.
    /// </summary>
    public async Task<SkillChangeResult> SetSkillAsync(Actor actor, SkillChange change, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanChangeSome(actor, Area.Advisors))
        {
            return new SkillChangeResult(SaveOutcome.NotFound, new Dictionary<string, string>());
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = change.EmployeeNumber.ToUpperInvariant();
        var advisor = await db.Advisors.Include(a => a.Skills).Include(a => a.Site).SingleOrDefaultAsync(a => a.EmployeeNumber == number, cancellationToken);
        if (advisor is null || !AccessRules.CanChange(actor, Area.Advisors, advisor.Site!.RegionId))
        {
            return new SkillChangeResult(SaveOutcome.NotFound, new Dictionary<string, string>());
        }
        var skill = await db.Skills.AsNoTracking().SingleOrDefaultAsync(s => s.Id == change.SkillId, cancellationToken);
        if (skill is null)
        {
            return new SkillChangeResult(SaveOutcome.Invalid, new Dictionary<string, string> { [nameof(SkillChange.SkillId)] = "Skill_Unknown" });
        }
        var held = advisor.Skills.SingleOrDefault(s => s.SkillId == change.SkillId);
        var validation = await validator.ValidateAsync(change with { PreviousLevel = held?.Level }, cancellationToken);
        if (!validation.IsValid)
        {
            return new SkillChangeResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }

        var result = advisor.SetSkill(LevelChange.ByHand(change.SkillId, change.Level, change.CertifiedOn, actor.UserName, change.Reason));
        switch (result.Outcome)
        {
            case LevelChangeOutcome.Refused:
                return new SkillChangeResult(SaveOutcome.Invalid, Refusal(result.Refusal!.Value));
            case LevelChangeOutcome.Unchanged:
                return new SkillChangeResult(SaveOutcome.Saved, new Dictionary<string, string>());
        }
        // The advisor's version guards the whole record, skills included: the form's version is the one expected.
        db.Entry(advisor).State = EntityState.Modified;
        advisor.Version = change.AdvisorVersion;
        AuditLog.Record(db, actor, clock, AuditEntities.AdvisorSkill, $"{advisor.EmployeeNumber}/{skill.Code}", advisor.Site.RegionId, "SetLevel",
            Audited(result.Before), Audited(result.After), change.Reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new SkillChangeResult(SaveOutcome.Saved, new Dictionary<string, string>());
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SkillChangeResult(SaveOutcome.Conflict, new Dictionary<string, string>(), await LastChangeAsync(advisor.EmployeeNumber, advisor.Site.RegionId, cancellationToken));
        }
    }

    /// <summary>The resource key, by form field, of a level change the advisor's rule refuses.</summary>
    public static IReadOnlyDictionary<string, string> Refusal(LevelRefusal refusal) => refusal switch
    {
        LevelRefusal.ReasonRequired => new Dictionary<string, string> { [nameof(SkillChange.Reason)] = "Skill_ReasonRequired" },
        _ => new Dictionary<string, string> { [nameof(SkillChange.Level)] = "Skill_LevelRange" },
    };

    private static object? Audited(HeldLevel? level) =>
        level is null ? null : new { Level = (int)level.Level, CertifiedOn = Day(level.CertifiedOn), Source = level.Source.ToString() };

    /// <summary>
    /// The most recent audited change of the advisor or its skills in the advisor's region, to tell the user what came
    /// first. Region and entity both filter, so that no entry of another region's record ever answers.
    /// </summary>
    private async Task<ConflictingChange?> LastChangeAsync(string employeeNumber, int regionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prefix = employeeNumber + "/";
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RegionId == regionId)
            .Where(a => (a.Entity == AuditEntities.Advisor && a.EntityKey == employeeNumber)
                        || (a.Entity == AuditEntities.AdvisorSkill && a.EntityKey.StartsWith(prefix)))
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return last is null ? null : new ConflictingChange(last.UserName, last.AtUtc, $"{last.EntityKey}: {last.Before ?? "—"} → {last.After ?? "—"}");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
