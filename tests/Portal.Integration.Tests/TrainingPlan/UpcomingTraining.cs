using System.Globalization;
using Microsoft.Data.Sqlite;
using Portal.Domain.Time;

namespace Portal.Integration.Tests.TrainingPlan;

/// <summary>
/// The demo plans sessions of the required courses one and two weeks ahead, so whether a near date needs new sessions
/// depends on the day of the week. Cancelling a region's upcoming enrolments in them makes every near date need sessions,
/// for tests that apply a training plan and must see it write.
/// </summary>
internal static class UpcomingTraining
{
    /// <summary>The region's sessions of the required courses that start after today.</summary>
    private const string Sessions = """
        SELECT s.Id FROM TrainingSessions s JOIN Courses c ON c.Id = s.CourseId JOIN Regions r ON r.Id = s.RegionId
        WHERE r.Code = $region AND c.RequiredForRegionalisation = 1
          AND (SELECT MIN(d.Date) FROM SessionDays d WHERE d.SessionId = s.Id) > $today
        """;

    /// <summary>Cancels the planned enrolments in the region's required-course sessions that start after today; returns how many.</summary>
    public static int Cancel(string databaseFile, string regionCode) =>
        Run(databaseFile, regionCode, $"UPDATE Enrolments SET Status = 'Cancelled' WHERE Status = 'Planned' AND SessionId IN ({Sessions})",
            c => c.ExecuteNonQuery());

    /// <summary>The last day of the region's required-course sessions that start after today.</summary>
    public static DateOnly LastDay(string databaseFile, string regionCode) =>
        DateOnly.ParseExact(Run(databaseFile, regionCode, $"SELECT MAX(Date) FROM SessionDays WHERE SessionId IN ({Sessions})", c => (string)c.ExecuteScalar()!),
            "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Run<T>(string databaseFile, string regionCode, string sql, Func<SqliteCommand, T> run)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$region", regionCode);
        command.Parameters.AddWithValue("$today", LocalCalendar.Paris.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return run(command);
    }
}
