namespace Portal.Services.Files;

/// <summary>
/// Keeps a spreadsheet from running a cell as a formula (CSV injection): a cell beginning with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is written behind an apostrophe, which spreadsheets show as text.
/// A file the portal reads back drops that apostrophe, so an exported file imports unchanged.
/// </summary>
public static class SpreadsheetCells
{
    private const char Guard = '\'';
    private const string FormulaStarts = "=+-@\t\r";

    public static string Neutralise(string cell) =>
        cell.Length > 0 && FormulaStarts.Contains(cell[0], StringComparison.Ordinal) ? Guard + cell : cell;

    /// <summary>The value a neutralised cell stood for; any other cell as it is.</summary>
    public static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == Guard && FormulaStarts.Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;
}
