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
    /// <summary>Cancels the planned enrolments in the region's required-course sessions that start after today; returns how many.</summary>
    public static int Cancel(string databaseFile, string regionCode)
    {
        var today = LocalCalendar.Paris.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE Enrolments SET Status = 'Cancelled' WHERE Status = 'Planned' AND SessionId IN (
              SELECT s.Id FROM TrainingSessions s JOIN Courses c ON c.Id = s.CourseId JOIN Regions r ON r.Id = s.RegionId
              WHERE r.Code = $region AND c.RequiredForRegionalisation = 1
                AND (SELECT MIN(d.Date) FROM SessionDays d WHERE d.SessionId = s.Id) > $today)
            """;
        command.Parameters.AddWithValue("$region", regionCode);
        command.Parameters.AddWithValue("$today", today);
        return command.ExecuteNonQuery();
    }
}
