using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Services.Audit;
using Portal.Services.Data;

namespace Portal.Services.Users;

/// <summary>
/// Sign-in, sign-out, lockout, password and two-factor events, written to the audit log with the address they came
/// from. What was typed is never written: the name the person gave, what happened, and when.
/// </summary>
public sealed class SecurityEvents(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IClientAddress client)
{
    /// <param name="userName">The sign-in name given (an unknown one included, so that guessing shows in the log).</param>
    /// <param name="action">One of <see cref="UserActions"/>.</param>
    /// <param name="detail">How the person signed in or why they were refused (single sign-on), kept as the entry's justification.</param>
    public async Task RecordAsync(string userName, string action, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Audit columns are bounded: a very long name typed into the form is cut, not refused.
        var name = userName.Length > 256 ? userName[..256] : userName;
        var key = name.Length > 64 ? name[..64] : name;
        AuditLog.Record(db, new Actor(name, PortalRole.Advisor), clock, AuditEntities.Session, key, null, action, null, null, detail, client.Current);
        await db.SaveChangesAsync(cancellationToken);
    }
}
