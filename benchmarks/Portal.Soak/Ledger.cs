using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Portal.Soak;

/// <summary>The kinds of work the writers do, as the report counts them.</summary>
internal enum WorkKind
{
    AdvisorEdit,
    AdvisorImport,
    ShiftCreate,
    ShiftMove,
    ShiftDelete,
    Enrol,
    Withdraw,
    CompletionRead,
}

/// <summary>How one operation ended, from the service's own answer.</summary>
internal enum Ending
{
    Saved,
    Conflict,
    RefusedByRule,
    GoneMeanwhile,
    Unexpected,
    Busy,
}

/// <summary>
/// Every operation's ending, and for every successful write the value it wrote and the version it produced, so the end
/// check can tell a lost update (a successful write whose value is neither in the row nor overwritten by a later write)
/// from a conflict the service reported.
/// </summary>
internal sealed class Ledger
{
    private readonly ConcurrentDictionary<(WorkKind, Ending), int> endings = new();
    private readonly ConcurrentQueue<string> unexpected = new();
    private readonly ConcurrentQueue<string> busy = new();
    private readonly Lock gate = new();

    /// <summary>Per hot advisor: the edits saved (version produced, first name written) and the imports that wrote it.</summary>
    public Dictionary<string, List<(int Version, string Tag)>> AdvisorEdits { get; } = [];

    public Dictionary<string, List<string>> AdvisorImports { get; } = [];

    /// <summary>Per shift: the moves saved (version produced, start written) and the version a saved delete removed.</summary>
    public Dictionary<int, List<(int Version, TimeOnly Start)>> ShiftMoves { get; } = [];

    public Dictionary<int, int> ShiftDeletes { get; } = [];

    /// <summary>Shifts a move or delete found gone: each must have been deleted by a saved delete.</summary>
    public ConcurrentBag<int> ShiftsFoundGone { get; } = [];

    public int ImportedAdvisorsCreated;

    public void Count(WorkKind kind, Ending ending) => endings.AddOrUpdate((kind, ending), 1, (_, n) => n + 1);

    public int Of(WorkKind kind, Ending ending) => endings.GetValueOrDefault((kind, ending));

    public int Of(Ending ending) => endings.Where(e => e.Key.Item2 == ending).Sum(e => e.Value);

    public IReadOnlyCollection<string> Unexpected => unexpected;

    /// <summary>The first busy errors, with the service call they came from.</summary>
    public IReadOnlyCollection<string> BusyErrors => busy;

    public void Failed(WorkKind kind, Exception exception)
    {
        if (IsBusy(exception))
        {
            Count(kind, Ending.Busy);
            if (busy.Count < 5)
            {
                busy.Enqueue($"{kind}: {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message} at {exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Portal.Services", StringComparison.Ordinal))?.Trim()}");
            }
            return;
        }
        Count(kind, Ending.Unexpected);
        if (unexpected.Count < 20)
        {
            unexpected.Enqueue($"{kind}: {exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message}");
        }
    }

    public void Unexplained(WorkKind kind, string what)
    {
        Count(kind, Ending.Unexpected);
        if (unexpected.Count < 20)
        {
            unexpected.Enqueue($"{kind}: {what}");
        }
    }

    public void AdvisorEdited(string number, int version, string tag)
    {
        lock (gate)
        {
            Add(AdvisorEdits, number, (version, tag));
        }
    }

    public void AdvisorImported(string number, string tag)
    {
        lock (gate)
        {
            Add(AdvisorImports, number, tag);
        }
    }

    public void ShiftMoved(int id, int version, TimeOnly start)
    {
        lock (gate)
        {
            Add(ShiftMoves, id, (version, start));
        }
    }

    public void ShiftDeleted(int id, int version)
    {
        lock (gate)
        {
            if (!ShiftDeletes.TryAdd(id, version))
            {
                unexpected.Enqueue($"ShiftDelete: shift {id} deleted twice");
            }
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6) anywhere in the chain: "database is locked" and its kin.</summary>
    public static bool IsBusy(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException { SqliteErrorCode: 5 or 6 } || exception.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
