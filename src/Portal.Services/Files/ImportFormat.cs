using System.Globalization;
using System.Text;

namespace Portal.Services.Files;

/// <summary>A column of a file format: its name as the portal writes it, and the other names a header may give it (French ones).</summary>
public sealed record FileColumn(string Name, bool Required, params string[] Aliases);

/// <summary>The columns of one kind of file. A header names them in any order and any case; accents, spaces, dashes and underscores do not count.</summary>
public sealed class ImportFormat
{
    private readonly Dictionary<string, FileColumn> byName = new(StringComparer.Ordinal);

    public ImportFormat(params FileColumn[] columns)
    {
        Columns = columns;
        foreach (var column in columns)
        {
            foreach (var name in column.Aliases.Prepend(column.Name))
            {
                if (!byName.TryAdd(Key(name), column) && byName[Key(name)] != column)
                {
                    throw new ArgumentException($"Two columns answer to '{name}'.", nameof(columns));
                }
            }
        }
    }

    public IReadOnlyList<FileColumn> Columns { get; }

    /// <summary>The header the portal writes, as help and in messages.</summary>
    public string Header => string.Join(CsvTable.Separator, Columns.Select(c => c.Name));

    public FileColumn? Find(string headerCell) => byName.GetValueOrDefault(Key(headerCell));

    private static string Key(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
        return text.ToString();
    }
}
