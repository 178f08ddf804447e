using System.Globalization;

namespace Portal.Services.Training;

/// <summary>The audit actions of the training plan, so that writing an entry and looking one up use the same word.</summary>
internal static class TrainingAudit
{
    public const string Plan = "Plan";
    public const string Change = "Change";
    public const string Enrol = "Enrol";
    public const string Withdraw = "Withdraw";
    public const string ConfirmCoverage = "ConfirmCoverage";
    public const string Record = "RecordAttendance";
    public const string Complete = "Complete";
    public const string CancelCompletion = "CancelCompletion";

    /// <summary>A half-hour as the audit keeps it: day, time, channel, coverage before → after.</summary>
    public static string Describe(CoverageDrop drop) => string.Create(CultureInfo.InvariantCulture,
        $"{drop.Day:yyyy-MM-dd} {drop.Time:HH:mm} {drop.Channel} {drop.Before:P0} → {drop.After:P0}");
}
