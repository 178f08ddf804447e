using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Sites;
using Portal.Services.Advisors;
using Portal.Services.Files;

namespace Portal.Integration.Tests.AdvisorImport;

/// <summary>
/// Refused advisor imports on the running portal's database: each file also holds valid rows (an update of a BPL demo
/// advisor, a new advisor), which must not be written either, so the demo other tests count stays as it was.
/// </summary>
[Collection(PortalCollection.Name)]
public class AdvisorImportRefusalTests(PortalFixture fixture)
{
    // A file written before the optional team column: it stays valid as it was.
    private const string Header = "employeeNumber;lastName;firstName;site;workingTimePercent;active;skills";
    private const int Bpl = 2;
    private static readonly Actor National = new("national@portal.demo", PortalRole.NationalAdmin);
    private static readonly Actor DirectorBpl = new("director.bpl@portal.demo", PortalRole.RegionalDirector, Bpl);

    private async Task<ImportResult> ImportAsync(string csv, Actor? actor = null, Encoding? encoding = null)
    {
        using var scope = fixture.App.Services.CreateScope();
        using var stream = new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(csv));
        return await scope.ServiceProvider.GetRequiredService<AdvisorImportService>()
            .ImportAsync(actor ?? National, stream, TestContext.Current.CancellationToken);
    }

    /// <summary>The advisor count, one BPL demo advisor as stored, and that advisor's row with a changed ratio and an added skill.</summary>
    private async Task<(int Count, string Sample, string ValidUpdate, string SubcontractedSite, string NcNumber)> StateAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var sample = await db.Advisors.AsNoTracking().Include(a => a.Site).Include(a => a.Skills)
            .Where(a => a.Site!.RegionId == Bpl).OrderBy(a => a.Id).Skip(5).FirstAsync(ct);
        var subcontracted = await db.Sites.Where(s => s.RegionId == Bpl && s.Kind == SiteKind.Subcontracted).Select(s => s.Name).FirstAsync(ct);
        var nc = await db.Advisors.Where(a => a.Site!.Region!.Code == "NC").Select(a => a.EmployeeNumber).FirstAsync(ct);
        var stored = string.Join("|", sample.LastName, sample.FirstName, sample.SiteId, sample.WorkingTimePercent, sample.Active, sample.Version,
            string.Join(",", sample.Skills.OrderBy(s => s.SkillId).Select(s => $"{s.SkillId}:{s.Level}:{s.CertifiedOn}:{s.Source}")));
        var update = $"{sample.EmployeeNumber};{sample.LastName};{sample.FirstName};{sample.Site!.Name};{(sample.WorkingTimePercent == 37 ? 38 : 37)};true;ECRIT:4";
        return (await db.Advisors.CountAsync(ct), stored, update, subcontracted, nc);
    }

    private async Task AssertNothingWrittenAsync((int Count, string Sample, string ValidUpdate, string SubcontractedSite, string NcNumber) before)
    {
        var after = await StateAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(before.Sample, after.Sample);
    }

    private const string NewRow = "X900001;Martin;Léa;Plateau Rennes;100;true;BOX-VENTE:2";

    public static TheoryData<string, string> BadRows => new()
    {
        { "X900002;Martin;Léa;Plateau Rennes;100;true", "Ligne 4\u00a0: 6 valeur(s) pour 7 colonne(s)." },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;;extra", "Ligne 4\u00a0: 8 valeur(s) pour 7 colonne(s)." },
        { "X900002;\"Martin\"x;Léa;Plateau Rennes;100;true;", "Ligne 4\u00a0: guillemets mal fermés" },
        { " ;Martin;Léa;Plateau Rennes;100;true;", "Ligne 4\u00a0: Le matricule compte 1 à 16 lettres ou chiffres." },
        { "X12345678901234567;Martin;Léa;Plateau Rennes;100;true;", "Ligne 4\u00a0: Le matricule compte 1 à 16 lettres ou chiffres." },
        { "X9-00002;Martin;Léa;Plateau Rennes;100;true;", "Ligne 4\u00a0: Le matricule compte 1 à 16 lettres ou chiffres." },
        { "X900002;=1+1;Léa;Plateau Rennes;100;true;", "Ligne 4\u00a0: Un nom ne commence pas par =, + ou @." },
        { "X900002;Martin;@Léa;Plateau Rennes;100;true;", "Ligne 4\u00a0: Un nom ne commence pas par =, + ou @." },
        { "X900002;;Léa;Plateau Rennes;100;true;", "Ligne 4\u00a0: Le nom et le prénom sont obligatoires" },
        { "X900002;Martin;Léa;Plateau Atlantis;100;true;", "Ligne 4\u00a0: site «\u00a0Plateau Atlantis\u00a0» inconnu ou hors de votre périmètre." },
        { "X900002;Martin;Léa;plateau rennes;100;true;", "site «\u00a0plateau rennes\u00a0» inconnu" },
        { "X900002;Martin;Léa;{subcontracted};100;true;", "» n'est pas un site interne." },
        { "X900001;Martin;Léa;Plateau Nantes;100;true;", "Ligne 4\u00a0: le matricule X900001 figure déjà ligne 3." },
        { "x900001;Martin;Léa;Plateau Nantes;100;true;", "Ligne 4\u00a0: le matricule X900001 figure déjà ligne 3." },
        { "X900002;Martin;Léa;Plateau Rennes;0;true;", "Ligne 4\u00a0: Le temps de travail va de 1 à 100\u00a0%." },
        { "X900002;Martin;Léa;Plateau Rennes;101;true;", "Le temps de travail va de 1 à 100\u00a0%." },
        { "X900002;Martin;Léa;Plateau Rennes;80%;true;", "temps de travail «\u00a080%\u00a0» invalide" },
        { "X900002;Martin;Léa;Plateau Rennes;100;yes;", "Ligne 4\u00a0: actif «\u00a0yes\u00a0» invalide (true, false, oui ou non)." },
        { "X900002;Martin;Léa;Plateau Rennes;100;;", "actif «\u00a0\u00a0» invalide" },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;ZZZ:2", "Ligne 4\u00a0: compétence «\u00a0ZZZ\u00a0» inconnue." },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;BOX-VENTE:5", "Ligne 4\u00a0: niveau «\u00a05\u00a0» de BOX-VENTE invalide (de 1 à 4)." },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;BOX-VENTE:0", "niveau «\u00a00\u00a0» de BOX-VENTE invalide" },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;BOX-VENTE:deux", "niveau «\u00a0deux\u00a0» de BOX-VENTE invalide" },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;BOX-VENTE:2,box-vente:3", "Ligne 4\u00a0: la compétence BOX-VENTE figure deux fois." },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;BOX-VENTE", "Ligne 4\u00a0: compétence «\u00a0BOX-VENTE\u00a0» illisible" },
        { "X900002;Martin;Léa;Plateau Rennes;100;true;BOX-VENTE:2,", "compétence «\u00a0\u00a0» illisible" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task Each_bad_row_gets_its_own_message_and_the_valid_rows_are_not_written_either(string badRow, string message)
    {
        var before = await StateAsync();
        var csv = $"{Header}\n{before.ValidUpdate}\n{NewRow}\n{badRow.Replace("{subcontracted}", before.SubcontractedSite, StringComparison.Ordinal)}\n";

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Row);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(before);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "", "Le fichier est vide." },
        { "\n\n", "Le fichier est vide." },
        { Header + "\n", "Le fichier n'a que son en-tête." },
        { Header + "\n\n  \n", "Le fichier n'a que son en-tête." },
    };

    public static TheoryData<string, string> BadHeaders => new()
    {
        { "matricule;nom;prénom;site;temps;actif;compétences\nX900002;Martin;Léa;Plateau Rennes;100;true;", "Ligne 1\u00a0: colonne «\u00a0temps\u00a0» inconnue. En-tête attendu\u00a0: " + Header },
        { "employeeNumber;lastName;firstName;site;active\nX900002;Martin;Léa;Plateau Rennes;true", "Ligne 1\u00a0: colonne(s) manquante(s)\u00a0: workingTimePercent." },
        { Header + ";lastName\nX900002;Martin;Léa;Plateau Rennes;100;true;;Martin", "Ligne 1\u00a0: la colonne «\u00a0lastName\u00a0» figure deux fois." },
        { Header.Replace(';', '\t') + "\nX900002\tMartin\tLéa\tPlateau Rennes\t100\ttrue\t", "inconnue. En-tête attendu" },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task A_header_that_does_not_name_the_columns_is_refused_on_row_1(string csv, string message)
    {
        var before = await StateAsync();

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Equal(1, e.Row));
        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        await AssertNothingWrittenAsync(before);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Each_bad_file_gets_its_own_message_and_nothing_is_written(string csv, string message)
    {
        var before = await StateAsync();

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(0, error.Row);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_and_nothing_is_written()
    {
        var before = await StateAsync();

        var result = await ImportAsync($"{Header}\n{before.ValidUpdate}\nX900003;Lefèvre;Gaël;Plateau Rennes;100;true;\n", encoding: Encoding.Latin1);

        Assert.False(result.Succeeded);
        Assert.Equal("Le fichier n'est pas encodé en UTF-8\u00a0: enregistrez-le en «\u00a0CSV UTF-8\u00a0».", Assert.Single(result.Errors).Message);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Every_bad_row_is_listed_not_only_the_first()
    {
        var before = await StateAsync();
        var rows = string.Join("\n", Enumerable.Range(1, 5).Select(i => $"X90001{i};Martin;Léa;Plateau Rennes;{100 + i};true;"));

        var result = await ImportAsync($"{Header}\n{before.ValidUpdate}\n{rows}\n");

        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(e => e.Row));
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task A_director_cannot_import_into_a_site_of_another_region()
    {
        var before = await StateAsync();

        var result = await ImportAsync($"{Header}\n{before.ValidUpdate}\nX900004;Martin;Léa;Plateau Caen;100;true;\n", DirectorBpl);

        Assert.False(result.Succeeded);
        Assert.Equal("Ligne 3\u00a0: site «\u00a0Plateau Caen\u00a0» inconnu ou hors de votre périmètre.", Assert.Single(result.Errors).Message);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task A_director_cannot_take_over_an_advisor_of_another_region()
    {
        var before = await StateAsync();

        var result = await ImportAsync($"{Header}\n{before.ValidUpdate}\n{before.NcNumber};Martin;Léa;Plateau Rennes;100;true;\n", DirectorBpl);

        Assert.False(result.Succeeded);
        Assert.Equal("Ligne 3\u00a0: Ce matricule ne peut pas être utilisé.", Assert.Single(result.Errors).Message);
        Assert.DoesNotContain(before.NcNumber, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(before);
    }

    [Theory]
    [InlineData(PortalRole.HR)]
    [InlineData(PortalRole.Advisor)]
    public async Task A_role_that_may_not_change_advisors_is_refused_before_the_file_is_read(PortalRole role)
    {
        var before = await StateAsync();

        var result = await ImportAsync($"{Header}\n{before.ValidUpdate}\n", new Actor("someone", role, AdvisorId: role == PortalRole.Advisor ? 1 : null));

        Assert.False(result.Succeeded);
        Assert.Equal("Votre rôle ne permet pas d'importer des conseillers.", Assert.Single(result.Errors).Message);
        await AssertNothingWrittenAsync(before);
    }

    [Fact]
    public async Task Messages_follow_the_user_language()
    {
        var before = await StateAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
        try
        {
            var result = await ImportAsync($"{Header}\n{before.ValidUpdate}\nX900005;Martin;Léa;Plateau Rennes;100;true;ZZZ:2\nX900006;Martin;Léa;Plateau Caen;100;true;\n", DirectorBpl);

            Assert.Equal(["Row 3: unknown skill 'ZZZ'.", "Row 4: site 'Plateau Caen' is unknown or not yours."], result.Errors.Select(e => e.Message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        await AssertNothingWrittenAsync(before);
    }
}
