using System.Text;
using CsvHelper;

namespace Portal.Services.Files;

/// <summary>One record of a file read by the portal: its row number (the header is row 1) and its cells by column.</summary>
public sealed class CsvRow(int number, IReadOnlyDictionary<string, string> cells)
{
    public int Number { get; } = number;

    /// <summary>The trimmed value of a column of the file format, empty when the file leaves it out.</summary>
    public string this[string column] => cells.GetValueOrDefault(column, "");

    /// <summary>Whether the file has the column: an optional column left out is not a column left empty.</summary>
    public bool Has(string column) => cells.ContainsKey(column);
}

/// <summary>
/// A CSV file as the portal reads it: RFC 4180 (a quoted value may hold the separator, quotes and line breaks), UTF-8
/// with or without a byte-order mark, separated by semicolons or, when the header says so, by commas. Columns are found
/// by header name, in any order and any case, under their English or French names. A cell the portal neutralised on
/// export (<see cref="SpreadsheetCells"/>) reads back as it was.
/// </summary>
public static class CsvTable
{
    /// <summary>The semicolon French spreadsheets use; the portal writes it and reads it first.</summary>
    public const char Separator = ';';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes and parses the file against the format's columns: the rows, or what is wrong with the file as a whole.</summary>
    public static (IReadOnlyList<CsvRow> Rows, IReadOnlyList<ImportError> Errors) Read(byte[] bytes, ImportFormat format, int maxRows)
    {
        var preamble = Encoding.UTF8.Preamble;
        var start = bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Fail(Messages.Format("Import_Encoding"));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(Messages.Format("Import_Empty"));
        }

        // Records are numbered as a spreadsheet numbers rows: the header is row 1.
        var malformed = new HashSet<long>();
        using var reader = CsvReader.Create(bytes.AsMemory(start), new CsvReaderOptions
        {
            Separator = SeparatorOf(text),
            Mode = CsvMode.Rfc4180,
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed.Add(record.RecordNumber),
        });
        var (columns, headerErrors) = MapHeader(reader.Headers, format);
        if (headerErrors.Count > 0)
        {
            return ([], headerErrors);
        }

        var records = new List<(int Number, string[] Cells)>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i) ?? "";
            }
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (records.Count == maxRows)
            {
                return Fail(Messages.Format("Import_TooManyRows", maxRows));
            }
            records.Add(((int)reader.RowNumber + 1, cells));
        }
        if (records.Count == 0)
        {
            return Fail(Messages.Format("Import_NoRows"));
        }

        var rows = new List<CsvRow>(records.Count);
        var errors = new List<ImportError>();
        var named = Array.FindLastIndex(columns, c => c is not null) + 1;
        foreach (var (number, record) in records)
        {
            if (malformed.Contains(number))
            {
                errors.Add(new ImportError(number, Messages.Format("Import_Quotes")));
                continue;
            }
            if (record.Length < named || (record.Length > named && record.Skip(named).Any(c => c.Length > 0)))
            {
                errors.Add(new ImportError(number, Messages.Format("Import_Columns", record.Length, named)));
                continue;
            }
            var cells = new Dictionary<string, string>(columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < columns.Length && i < record.Length; i++)
            {
                if (columns[i] is { } column)
                {
                    cells[column] = SpreadsheetCells.Restore(record[i]);
                }
            }
            rows.Add(new CsvRow(number, cells));
        }
        return (rows, errors);
    }

    /// <summary>Writes a table as a CSV file: UTF-8 with a byte-order mark (spreadsheets need it to show accents), semicolons, quoted where needed, formula cells neutralised.</summary>
    public static async Task WriteAsync(Stream output, FileTable table, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions
        {
            Separator = Separator,
            NewLine = "\r\n",
            WriteByteOrderMark = true,
        }, leaveOpen: true);
        foreach (var name in table.Header)
        {
            csv.WriteField(name);
        }
        await csv.EndRecordAsync(cancellationToken);
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(SpreadsheetCells.Neutralise(FileTable.Text(cell)));
            }
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>The header's separator: a semicolon unless the header holds commas and no semicolon.</summary>
    private static char SeparatorOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return !header.Contains(';', StringComparison.Ordinal) && header.Contains(',', StringComparison.Ordinal) ? ',' : Separator;
    }

    /// <summary>Each header cell's column of the format (null for an empty trailing cell), or the errors of the header.</summary>
    private static (string?[] Columns, List<ImportError> Errors) MapHeader(IReadOnlyList<string> header, ImportFormat format)
    {
        var errors = new List<ImportError>();
        var columns = new string?[header.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0 && i == header.Count - 1)
            {
                continue;
            }
            if (format.Find(name) is not { } column)
            {
                errors.Add(new ImportError(1, Messages.Format("Import_UnknownColumn", name, format.Header)));
                continue;
            }
            if (!seen.Add(column.Name))
            {
                errors.Add(new ImportError(1, Messages.Format("Import_DuplicateColumn", name)));
                continue;
            }
            columns[i] = column.Name;
        }
        var missing = format.Columns.Where(c => c.Required && !seen.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(1, Messages.Format("Import_MissingColumns", string.Join(", ", missing), format.Header)));
        }
        return (columns, errors);
    }

    private static (IReadOnlyList<CsvRow>, IReadOnlyList<ImportError>) Fail(string message) => ([], [new ImportError(0, message)]);
}
