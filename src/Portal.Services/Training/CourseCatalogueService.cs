using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Skills;
using Portal.Domain.Training;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Training;

public sealed record CourseGrant(int SkillId, string SkillCode, string SkillName, ProficiencyLevel Level);

public sealed record CourseRow(int Id, int Version, string Code, string Title, int Days, bool RequiredForRegionalisation, int Capacity,
    IReadOnlyList<CourseGrant> Skills);

/// <summary>
/// The national course catalogue: everyone with a use of training reads it (advisors do not), national administrators
/// and HR edit it (<see cref="AccessRules.CanEditCatalogue"/>). Every edit is validated, version-checked and audited.
/// </summary>
public sealed class CourseCatalogueService(IDbContextFactory<PortalDbContext> dbFactory, IValidator<CourseForm> validator, TimeProvider clock)
{
    public async Task<IReadOnlyList<CourseRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanReadSome(actor, Area.Training))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new
            {
                c.Id, c.Version, c.Code, c.Title, c.Days, c.RequiredForRegionalisation, c.SessionCapacity,
                Skills = c.GrantedSkills.Select(g => new CourseGrant(g.SkillId, g.Skill!.Code, g.Skill.Name, g.Level)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return courses.Select(c => new CourseRow(c.Id, c.Version, c.Code, c.Title, c.Days, c.RequiredForRegionalisation, c.SessionCapacity,
            c.Skills.OrderBy(s => s.SkillCode, StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>The skills a course may grant; only for those who edit the catalogue.</summary>
    public async Task<IReadOnlyList<Choice>> SkillsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AccessRules.CanEditCatalogue(actor))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Skills.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Creates the course (no id) or updates it at the version the user edited.</summary>
    public async Task<SaveResult> SaveAsync(Actor actor, CourseForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!AccessRules.CanEditCatalogue(actor))
        {
            return SaveResult.NotFound;
        }
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new SaveResult(SaveOutcome.Invalid, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));
        }
        var code = CourseFormValidator.NormaliseCode(form.Code);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Courses.AnyAsync(c => c.Code == code && c.Id != form.Id, cancellationToken))
        {
            return SaveResult.Invalid(nameof(CourseForm.Code), "Course_CodeTaken");
        }
        var skillIds = form.Skills.Select(s => s.SkillId).ToList();
        if (await db.Skills.CountAsync(s => skillIds.Contains(s.Id), cancellationToken) != skillIds.Count)
        {
            return SaveResult.Invalid(nameof(CourseForm.Skills), "Course_SkillRequired");
        }

        Course course;
        object? before = null;
        if (form.Id is { } id)
        {
            var existing = await db.Courses.Include(c => c.GrantedSkills).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (existing is null)
            {
                return SaveResult.NotFound;
            }
            before = Snapshot(existing);
            course = existing;
            course.Version = form.Version;
        }
        else
        {
            course = new Course { Code = code, Title = "" };
            db.Courses.Add(course);
        }
        course.Code = code;
        course.Title = form.Title.Trim();
        course.Days = form.Days;
        course.RequiredForRegionalisation = form.RequiredForRegionalisation;
        course.SessionCapacity = form.Capacity;
        SetGrants(course, form.Skills);
        // A change of the granted skills alone must still be version-checked: the course row is updated either way.
        if (form.Id is not null)
        {
            db.Entry(course).Property(c => c.Version).IsModified = true;
        }

        try
        {
            // The change and its audit entry are written together or not at all.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            AuditLog.Record(db, actor, clock, AuditEntities.Course, course.Id.ToString(CultureInfo.InvariantCulture), null,
                form.Id is null ? "Create" : "Update", before, Snapshot(course));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict;
        }
        catch (DbUpdateException) when (form.Id is null)
        {
            // Another editor created the same code between the check and the save.
            return SaveResult.Invalid(nameof(CourseForm.Code), "Course_CodeTaken");
        }
    }

    private static void SetGrants(Course course, List<CourseGrantForm> grants)
    {
        course.GrantedSkills.RemoveAll(g => grants.All(f => f.SkillId != g.SkillId));
        foreach (var grant in grants)
        {
            if (course.GrantedSkills.FirstOrDefault(g => g.SkillId == grant.SkillId) is { } kept)
            {
                kept.Level = grant.Level;
            }
            else
            {
                course.GrantedSkills.Add(new CourseSkill { SkillId = grant.SkillId, Level = grant.Level });
            }
        }
    }

    private static object Snapshot(Course c) => new
    {
        c.Code, c.Title, c.Days, c.RequiredForRegionalisation, Capacity = c.SessionCapacity,
        Skills = c.GrantedSkills.OrderBy(g => g.SkillId).Select(g => new { g.SkillId, Level = (int)g.Level }).ToList(),
    };
}
