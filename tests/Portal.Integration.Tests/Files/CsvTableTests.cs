using System.Text;
using Portal.Services.Files;

namespace Portal.Integration.Tests.Files;

/// <summary>The portal's CSV files as other tools see them: RFC 4180 quoting, formula cells neutralised, columns found by name.</summary>
public class CsvTableTests
{
    private static readonly ImportFormat People = new(
        new FileColumn("employeeNumber", true, "matricule"),
        new FileColumn("lastName", true, "nom"),
        new FileColumn("note", false));

    private static async Task<byte[]> WriteAsync(params IReadOnlyList<object?>[] rows)
    {
        using var stream = new MemoryStream();
        await CsvTable.WriteAsync(stream, new FileTable(["employeeNumber", "lastName"], rows), TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    [Theory]
    [InlineData("Le Goff; \"Bzh\"")]
    [InlineData("line one\r\nline two")]
    [InlineData("a;b;c")]
    [InlineData("\"quoted\"")]
    [InlineData("Lefèvre-Kerbrat")]
    public async Task A_value_holding_the_separator_quotes_or_line_breaks_round_trips(string value)
    {
        var file = await WriteAsync(["E1", value]);

        var (rows, errors) = CsvTable.Read(file, People, 10);

        Assert.Empty(errors);
        Assert.Equal(value, Assert.Single(rows)["lastName"]);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+33 1 23")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public async Task A_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_reads_back_as_it_was(string value)
    {
        var file = await WriteAsync(["E1", value]);

        var text = Encoding.UTF8.GetString(file);
        Assert.Contains("'" + value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(";" + value, text, StringComparison.Ordinal);
        Assert.Equal(value, Assert.Single(CsvTable.Read(file, People, 10).Rows)["lastName"]);
    }

    [Fact]
    public async Task The_file_starts_with_a_byte_order_mark_and_semicolons()
    {
        var file = await WriteAsync(["E1", "Martin"]);

        Assert.Equal([0xEF, 0xBB, 0xBF], file[..3]);
        Assert.Equal("employeeNumber;lastName\r\nE1;Martin\r\n", Encoding.UTF8.GetString(file[3..]));
    }

    [Theory]
    [InlineData("employeeNumber;lastName\nE1;Martin\n")]
    [InlineData("\uFEFFemployeeNumber;lastName\r\nE1;Martin\r\n")]
    [InlineData("employeeNumber,lastName\nE1,Martin\n")]
    [InlineData("NOM;Matricule\nMartin;E1\n")]
    [InlineData("Last Name ; employee_number\n Martin ; E1 \n")]
    public void Columns_are_found_by_name_in_any_order_and_case_with_either_separator(string csv)
    {
        var (rows, errors) = CsvTable.Read(Encoding.UTF8.GetBytes(csv), People, 10);

        Assert.Empty(errors);
        var row = Assert.Single(rows);
        Assert.Equal(("E1", "Martin", ""), (row["employeeNumber"], row["lastName"], row["note"]));
        Assert.Equal(2, row.Number);
    }

    [Fact]
    public void A_semicolon_file_keeps_commas_inside_values()
    {
        var (rows, _) = CsvTable.Read(Encoding.UTF8.GetBytes("employeeNumber;lastName;note\nE1;Martin;BOX-TECH:3,FACT:2\n"), People, 10);

        Assert.Equal("BOX-TECH:3,FACT:2", Assert.Single(rows)["note"]);
    }

    [Fact]
    public void Rows_are_numbered_as_a_spreadsheet_numbers_them_even_with_a_line_break_inside_a_value()
    {
        var (rows, _) = CsvTable.Read(Encoding.UTF8.GetBytes("employeeNumber;lastName\nE1;\"two\nlines\"\nE2;Martin\n"), People, 10);

        Assert.Equal([2, 3], rows.Select(r => r.Number));
    }

    [Fact]
    public void A_badly_quoted_row_is_named_and_the_others_are_read()
    {
        var (rows, errors) = CsvTable.Read(Encoding.UTF8.GetBytes("employeeNumber;lastName\nE1;Mar\"tin\nE2;Martin\n"), People, 10);

        Assert.Equal(2, Assert.Single(errors).Row);
        Assert.Equal("E2", Assert.Single(rows)["employeeNumber"]);
    }

    [Fact]
    public void More_rows_than_the_cap_refuse_the_whole_file()
    {
        var csv = "employeeNumber;lastName\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"E{i};Martin\n"));

        var (rows, errors) = CsvTable.Read(Encoding.UTF8.GetBytes(csv), People, 10);

        Assert.Empty(rows);
        Assert.Equal(0, Assert.Single(errors).Row);
        Assert.Contains("10", errors[0].Message, StringComparison.Ordinal);
    }
}
