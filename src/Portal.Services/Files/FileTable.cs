using System.Globalization;

namespace Portal.Services.Files;

/// <summary>
/// What an export writes, whatever the file type: a header and rows of cells (text, numbers, dates). Every CSV and
/// Excel export of the portal goes through <see cref="CsvTable.WriteAsync"/> or <see cref="ExcelTable.WriteAsync"/>.
/// </summary>
public sealed record FileTable(IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows, string SheetName = "Portal")
{
    /// <summary>A cell as text, culture-free, as files others compute from need it.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
