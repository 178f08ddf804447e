namespace Portal.Components.Tests;

/// <summary>
/// Sets the process's local time zone to Tokyo, so a page that used the server's zone instead of the portal's would
/// show another time (10:00 UTC is 19:00 in Tokyo, 12:00 or 11:00 in Paris).
/// </summary>
public sealed class TokyoMachineZone : IDisposable
{
    private readonly string? before = Environment.GetEnvironmentVariable("TZ");

    public TokyoMachineZone()
    {
        Environment.SetEnvironmentVariable("TZ", "Asia/Tokyo");
        TimeZoneInfo.ClearCachedData();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", before);
        TimeZoneInfo.ClearCachedData();
    }
}

/// <summary>Tests that change the machine's zone run alone: the local zone is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MachineZoneCollection : ICollectionFixture<TokyoMachineZone>
{
    public const string Name = "Machine time zone";
}
