using MiniExcelLibs;

namespace Portal.Services.Files;

/// <summary>Writes a table as an Excel workbook of one sheet: numbers stay numbers, text cells are neutralised as in CSV.</summary>
public static class ExcelTable
{
    public static async Task WriteAsync(Stream output, FileTable table, CancellationToken cancellationToken = default)
    {
        var sheet = new List<Dictionary<string, object?>>();
        foreach (var row in table.Rows)
        {
            var line = new Dictionary<string, object?>(table.Header.Count, StringComparer.Ordinal);
            for (var i = 0; i < table.Header.Count; i++)
            {
                var cell = i < row.Count ? row[i] : null;
                line[table.Header[i]] = cell switch
                {
                    null => "",
                    string text => SpreadsheetCells.Neutralise(text),
                    int or long or double or decimal => cell,
                    _ => SpreadsheetCells.Neutralise(FileTable.Text(cell)),
                };
            }
            sheet.Add(line);
        }
        await output.SaveAsAsync(sheet, sheetName: table.SheetName, cancellationToken: cancellationToken);
    }
}
