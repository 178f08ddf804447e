using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Domain.Channels;
using Portal.Domain.Coverage;
using Portal.Domain.Regions;
using Portal.Domain.Skills;
using Portal.Domain.Time;
using Portal.Domain.Training;
using Portal.Services.Dashboard;
using Portal.Testing;

namespace Portal.Integration.Tests.Web;

/// <summary>
/// The two string tables, read from their .resx files (the source people edit): the interface's (SharedResource in
/// Portal.Web) and the services' messages (Messages in Portal.Services). Each holds the same keys in French and in
/// English, with a text and the same placeholders in both; the code uses every key, and asks for none that is missing.
/// </summary>
public sealed partial class ResourceTests
{
    public static TheoryData<string> Tables => ["SharedResource", "Messages"];

    /// <summary>
    /// Keys the code builds from a value (<c>L[$"Level_{level}"]</c>) rather than writing them out: each prefix with
    /// the values it is built from. Channel codes are the names of the channel kinds (Voice, Chat, Email).
    /// </summary>
    private static readonly Dictionary<string, string[]> BuiltKeys = new(StringComparer.Ordinal)
    {
        ["Level_"] = Enum.GetNames<ProficiencyLevel>(),
        ["RegionStatus_"] = Enum.GetNames<RegionStatus>(),
        ["Enrolment_"] = Enum.GetNames<EnrolmentStatus>(),
        ["Slot_"] = Enum.GetNames<SlotClass>(),
        ["Coverage_Status_"] = Enum.GetNames<CoverageStatus>(),
        ["Channel_"] = Enum.GetNames<ChannelKind>(),
        ["Assignment_"] = Enum.GetNames<UpcomingKind>(),
        ["Rollout_Gate_"] = Enum.GetNames<Portal.Domain.Rollout.GateCode>(),
        ["Planner_Absence_"] = Enum.GetNames<Portal.Domain.Assignments.AbsenceKind>(),
        ["Planning_Rule_"] = Enum.GetNames<Portal.Domain.Assignments.PlanningRule>(),
        ["Role_"] = Enum.GetNames<Portal.Domain.Access.PortalRole>(),
        ["Roster_Status_"] = Enum.GetNames<Portal.Domain.Roster.RosterSolveStatus>(),
        ["TrainingPlan_Binding_"] = Enum.GetNames<Portal.Domain.TrainingPlan.TrainingPlanBinding>(),
        ["Day_"] = Enum.GetNames<DayOfWeek>(),
    };

    private static string PathOf(string table, string language) => table switch
    {
        "SharedResource" => RepositoryPaths.Of("src", "Portal.Web", "Resources", $"SharedResource{language}.resx"),
        "Messages" => RepositoryPaths.Of("src", "Portal.Services", "Resources", $"Messages{language}.resx"),
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    private static Dictionary<string, string> Read(string table, string language) =>
        XDocument.Load(PathOf(table, language)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static Dictionary<string, string> French(string table) => Read(table, "");

    private static Dictionary<string, string> English(string table) => Read(table, ".en");

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Of("src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static readonly Lazy<string[]> Sources = new(() => SourceFiles().Select(File.ReadAllText).ToArray());

    private static HashSet<string> Matches(Regex pattern) =>
        Sources.Value.SelectMany(text => pattern.Matches(text).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    private static string Named(IEnumerable<string> keys) => string.Join(", ", keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Tables))]
    public void French_and_English_have_the_same_keys(string table)
    {
        var french = French(table).Keys;
        var english = English(table).Keys;

        Assert.NotEmpty(french);
        Assert.True(french.Except(english).ToList() is [], $"{table}: only in French: {Named(french.Except(english))}");
        Assert.True(english.Except(french).ToList() is [], $"{table}: only in English: {Named(english.Except(french))}");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void No_text_is_empty(string table)
    {
        var empty = French(table).Concat(English(table)).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).Distinct();

        Assert.True(!empty.Any(), $"{table}: empty texts: {Named(empty)}");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Both_languages_have_the_same_placeholders(string table)
    {
        var english = English(table);
        var different = French(table)
            .Where(e => english.TryGetValue(e.Key, out var other) && !Placeholders(e.Value).SetEquals(Placeholders(other)))
            .Select(e => e.Key);

        Assert.True(!different.Any(), $"{table}: placeholders differ between French and English: {Named(different)}");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_code_uses_every_key(string table)
    {
        var literals = Matches(LiteralPattern());
        var built = BuiltKeys.SelectMany(p => p.Value.Select(v => p.Key + v)).ToHashSet(StringComparer.Ordinal);

        var unused = French(table).Keys.Where(k => !literals.Contains(k) && !built.Contains(k));

        Assert.True(!unused.Any(), $"{table}: keys no code uses (remove them from both .resx files or use them): {Named(unused)}");
    }

    [Fact]
    public void Every_key_the_interface_asks_for_exists()
    {
        var french = French("SharedResource");
        var messages = French("Messages");
        var asked = Matches(InterfaceKeyPattern());

        // A page may show a service's or a validator's key (through FormValidation), which lives in the services' table.
        var missing = asked.Where(k => !french.ContainsKey(k) && !messages.ContainsKey(k));

        Assert.NotEmpty(asked);
        Assert.True(!missing.Any(), $"asked for but not in SharedResource.resx: {Named(missing)}");
    }

    [Fact]
    public void Every_message_the_services_format_exists()
    {
        var french = French("Messages");
        var asked = Matches(MessagePattern()).Union(Matches(ValidatorMessagePattern()));

        var missing = asked.Where(k => !french.ContainsKey(k));

        Assert.NotEmpty(asked);
        Assert.True(!missing.Any(), $"formatted or given to a validator but not in Messages.resx: {Named(missing)}");
    }

    [Fact]
    public void Keys_built_from_a_value_have_a_declared_prefix_and_exist_for_every_value()
    {
        var prefixes = Matches(BuiltKeyPattern());
        var french = French("SharedResource");
        var messages = French("Messages");

        Assert.True(prefixes.SetEquals(BuiltKeys.Keys),
            $"the code builds keys from the prefixes {Named(prefixes)}; the test declares {Named(BuiltKeys.Keys)}");
        // A page builds its keys in SharedResource, a service (Messages.Format) in Messages.
        var missing = BuiltKeys.SelectMany(p => p.Value.Select(v => p.Key + v)).Where(k => !french.ContainsKey(k) && !messages.ContainsKey(k));
        Assert.True(!missing.Any(), $"built keys missing from the resource files: {Named(missing)}");
    }

    [Fact]
    public void English_texts_differ_from_French_where_the_languages_differ()
    {
        Assert.Equal("Tableau de bord", French("SharedResource")["Nav_Dashboard"]);
        Assert.Equal("Dashboard", English("SharedResource")["Nav_Dashboard"]);
    }

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>Any string literal that could be a key: a key is used where it is written, whatever passes it on.</summary>
    [GeneratedRegex("\"([A-Za-z][A-Za-z0-9_]*)\"")]
    private static partial Regex LiteralPattern();

    [GeneratedRegex("""L\["([A-Za-z0-9_]+)"[\],]""")]
    private static partial Regex InterfaceKeyPattern();

    [GeneratedRegex(@"WithMessage\(""([A-Za-z0-9_]+)""\)")]
    private static partial Regex ValidatorMessagePattern();

    [GeneratedRegex(@"Messages\.Format\(""([A-Za-z0-9_]+)""")]
    private static partial Regex MessagePattern();

    [GeneratedRegex(@"(?:L\[|Messages\.Format\()\$""([A-Za-z0-9_]+_)\{")]
    private static partial Regex BuiltKeyPattern();
}
