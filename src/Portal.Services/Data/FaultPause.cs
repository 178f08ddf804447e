using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Services.Data;

/// <summary>
/// Fault injection for the crash tests, on only when the environment variable <see cref="Variable"/> is set: a
/// transaction about to commit, all its writes done, announces itself on standard error with <see cref="Line"/> and
/// waits there for ever, so that a test can kill the process at the worst moment and check that nothing of the
/// operation remains. Never set in production.
/// </summary>
public sealed class FaultPause : DbTransactionInterceptor
{
    public const string Variable = "PORTAL_FAULT_PAUSE_BEFORE_COMMIT";
    public const string Line = "fault: paused before commit";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Pause();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Pause();
        return ValueTask.FromResult(result);
    }

    private static void Pause()
    {
        Console.Error.WriteLine(Line);
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
