using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Cli;
using Portal.Domain.Advisors;
using Portal.Domain.Training;

namespace Portal.Integration.Tests.Training;

/// <summary><c>export completion FILE</c> of the administration tool, run against the shared demo's database (it only reads).</summary>
[Collection(PortalCollection.Name)]
public sealed class CompletionCliTests(PortalFixture fixture) : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        Directory.CreateDirectory(folder);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, $"--ConnectionStrings:Portal=Data Source={fixture.App.DatabaseFile}"], output, error, input: new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Export_completion_writes_the_exact_format_with_rows_matching_the_demo()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(folder, "completion.csv");
        await using var db = fixture.App.CreateDbContext();
        var completed = await db.Enrolments.Where(e => e.Status == EnrolmentStatus.Completed && e.Session!.Course!.Code == "TRANSV-COM")
            .Join(db.Advisors.Where(Advisor.ActiveInHouse), e => e.AdvisorId, a => a.Id,
                (e, a) => new { Region = a.Site!.Region!.Code, Site = a.Site.Name, a.EmployeeNumber, a.LastName, a.FirstName, e.CompletedOn })
            .OrderBy(x => x.EmployeeNumber).FirstAsync(ct);

        var run = await RunAsync("export", "completion", file);

        Assert.Equal(0, run.Exit);
        var bytes = await File.ReadAllBytesAsync(file, ct);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        var lines = Encoding.UTF8.GetString(bytes[Encoding.UTF8.Preamble.Length..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region;site;employeeNumber;lastName;firstName;course;status;completedOn", lines[0]);
        Assert.Contains($"{lines.Length - 1} row(s) exported", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{completed.Region};{completed.Site};{completed.EmployeeNumber};{completed.LastName};{completed.FirstName};TRANSV-COM;Completed;{completed.CompletedOn:yyyy-MM-dd}",
            lines);
        Assert.StartsWith($"{completed.Region};{completed.Site};{completed.EmployeeNumber};{completed.LastName};{completed.FirstName};TRANSV-TECH;",
            lines[Array.IndexOf(lines, lines.First(l => l.Contains($";{completed.EmployeeNumber};", StringComparison.Ordinal))) + 1], StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task Export_completion_without_a_file_is_a_bad_argument()
    {
        var run = await RunAsync("export", "completion");

        Assert.Equal(2, run.Exit);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
