namespace Portal.Services.Files;

/// <summary>
/// The limits of a file import, from the configuration section <c>Import</c>. The service enforces them, so the
/// pages and the administration tool are held to the same caps.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Largest file read, in bytes (20 MiB by default).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most data rows in one file (a national year of one channel's forecast fits).</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>How far back a forecast may be imported, in years.</summary>
    public int ForecastYearsBack { get; set; } = 2;

    /// <summary>How far ahead a forecast may be imported, in years.</summary>
    public int ForecastYearsAhead { get; set; } = 3;
}
