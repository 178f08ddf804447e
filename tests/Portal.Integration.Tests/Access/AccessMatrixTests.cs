using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Audit;
using Portal.Domain.Skills;
using Portal.Domain.Subcontracting;
using Portal.Services;
using Portal.Services.Advisors;
using Portal.Services.Assignments;
using Portal.Services.Audit;
using Portal.Services.Coverage;
using Portal.Services.Dashboard;
using Portal.Services.Demo;
using Portal.Services.Forecast;
using Portal.Services.Regions;
using Portal.Services.Rollout;
using Portal.Services.Roster;
using Portal.Services.Skills;
using Portal.Services.Stats;
using Portal.Services.Subcontracting;
using Portal.Services.Training;
using Portal.Services.TrainingPlan;
using Portal.Services.Users;
using Portal.Testing;

namespace Portal.Integration.Tests.Access;

/// <summary>
/// Who may do what, in one table: every page and endpoint requested over HTTP by each demo user (and an anonymous
/// visitor), every service command invoked by an actor of each role on BPL data (own region for the BPL director,
/// another region for the NC director). The table must have a row for everything the portal routes or offers: a new
/// page, endpoint or command without one fails the completeness tests until someone writes down who may use it.
/// </summary>
[Collection(PortalCollection.Name)]
public class AccessMatrixTests(PortalFixture fixture)
{
    private const string Anonymous = "anonymous";
    private const int Nc = 1;
    private const int Bpl = 2;

    /// <summary>
    /// Addresses. HTTP answers: 200 the page, 404 as if it did not exist (another region, or a capability the role may
    /// not use), 302 to the login page for anyone not signed in, or to the director's own region for a per-region entry.
    /// The first column is the page template or endpoint the address exercises.
    /// </summary>
    public static readonly (string Route, string Path, int National, int DirectorBpl, int DirectorNc, int Hr, int Advisor, int Anonymous)[] Http =
    [
        ("/", "/", 200, 200, 200, 200, 200, 302),
        ("/rollout", "/rollout", 200, 200, 200, 200, 200, 302),
        ("/rollout/{Region}", "/rollout/BPL", 200, 200, 404, 404, 404, 302),
        ("/rollout/{Region}", "/rollout/NC", 200, 404, 200, 404, 404, 302),
        ("/rollout/{Region}", "/rollout/nc", 200, 404, 200, 404, 404, 302),
        ("/rollout/{Region}", "/rollout/XYZ", 404, 404, 404, 404, 404, 302),
        ("/coverage", "/coverage", 200, 302, 302, 404, 404, 302),
        ("/coverage/{Region}", "/coverage/BPL", 200, 200, 404, 404, 404, 302),
        ("/coverage/calculator", "/coverage/calculator", 200, 200, 200, 404, 404, 302),
        ("/coverage/{Region}", "/coverage/BPL?week=2026-12-14&channel=Email", 200, 200, 404, 404, 404, 302),
        ("/coverage/{Region}", "/coverage/NC?week=not-a-date&channel=Chat", 200, 404, 200, 404, 404, 302),
        ("/coverage/{Region}", "/coverage/BPL?channel=Fax", 404, 404, 404, 404, 404, 302),
        ("/coverage/{Region}", "/coverage/NC", 200, 404, 200, 404, 404, 302),
        ("/coverage/{Region}", "/coverage/SUD", 200, 404, 404, 404, 404, 302),
        ("/assignments", "/assignments", 200, 302, 302, 404, 404, 302),
        ("/assignments/{Region}", "/assignments/BPL", 200, 200, 404, 404, 404, 302),
        ("/assignments/{Region}", "/assignments/NC", 200, 404, 200, 404, 404, 302),
        ("/assignments/{Region}", "/assignments/BPL?week=2026-12-14", 200, 200, 404, 404, 404, 302),
        ("/assignments/{Region}", "/assignments/bpl?week=not-a-date", 200, 200, 404, 404, 404, 302),
        ("/assignments/{Region}", "/assignments/XYZ", 404, 404, 404, 404, 404, 302),
        ("/advisors", "/advisors", 200, 200, 200, 200, 404, 302),
        ("/advisors/{EmployeeNumber}", "/advisors/E101300", 200, 200, 404, 200, 404, 302),
        ("/advisors/{EmployeeNumber}", "/advisors/e101300", 200, 200, 404, 200, 404, 302),
        ("/advisors/{EmployeeNumber}", "/advisors/E100010", 200, 404, 200, 200, 404, 302),
        ("/advisors/{EmployeeNumber}", "/advisors/E999999", 404, 404, 404, 404, 404, 302),
        ("/advisors", "/advisors?region=NC", 200, 200, 200, 200, 404, 302),
        ("/skills/matrix", "/skills/matrix", 200, 200, 200, 200, 404, 302),
        ("/skills/matrix", "/skills/matrix?region=NC", 200, 404, 200, 200, 404, 302),
        ("/training/courses", "/training/courses", 200, 200, 200, 200, 404, 302),
        ("/training/completion", "/training/completion", 200, 200, 200, 200, 404, 302),
        ("/training/sessions", "/training/sessions", 200, 200, 200, 200, 404, 302),
        ("/training/sessions", "/training/sessions?region=NC", 200, 404, 200, 200, 404, 302),
        ("/training/sessions", "/training/sessions?region=BPL&view=calendar&month=2026-12&status=Planned", 200, 200, 404, 200, 404, 302),
        ("/training/sessions", "/training/sessions?region=XYZ", 404, 404, 404, 404, 404, 302),
        // Demo sessions are numbered region by region: 1 is NC's first, 218 BPL's first.
        ("/training/sessions/{Id:int}", "/training/sessions/218", 200, 200, 404, 200, 404, 302),
        ("/training/sessions/{Id:int}", "/training/sessions/1", 200, 404, 200, 200, 404, 302),
        ("/training/sessions/{Id:int}", "/training/sessions/999999", 404, 404, 404, 404, 404, 302),
        ("/subcontracting", "/subcontracting", 200, 200, 200, 404, 404, 302),
        ("/me", "/me", 404, 404, 404, 404, 200, 302),
        ("/admin/audit", "/admin/audit", 200, 200, 200, 404, 404, 302),
        ("/admin/users", "/admin/users", 200, 404, 404, 404, 404, 302),
        ("/admin/settings", "/admin/settings", 200, 404, 404, 404, 404, 302),
        ("/Account/Manage/ChangePassword", "/Account/Manage/ChangePassword", 200, 200, 200, 200, 200, 302),
        ("/Account/Login", "/Account/Login", 200, 200, 200, 200, 200, 200),
        ("/Account/Lockout", "/Account/Lockout", 200, 200, 200, 200, 200, 200),
        ("/Account/SetPassword", "/Account/SetPassword", 200, 200, 200, 200, 200, 200),
        // The second step's form is public; it checks a code only after a right password (its own cookie).
        ("/Account/LoginWith2fa", "/Account/LoginWith2fa", 200, 200, 200, 200, 200, 200),
        ("/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor", 200, 200, 200, 200, 200, 302),
        ("/not-found", "/not-found", 200, 200, 200, 200, 200, 200),
        ("/Error", "/Error", 200, 200, 200, 200, 200, 200),
        ("(no route)", "/no-such-page", 404, 404, 404, 404, 404, 302),

        ("GET /advisors.csv", "/advisors.csv", 200, 200, 200, 200, 404, 302),
        ("GET /skills/matrix.csv", "/skills/matrix.csv?region=BPL", 200, 200, 404, 200, 404, 302),
        ("GET /skills/matrix.xlsx", "/skills/matrix.xlsx?region=NC", 200, 404, 200, 200, 404, 302),
        ("GET /training/sessions/{id:int}/attendance.csv", "/training/sessions/218/attendance.csv", 200, 200, 404, 200, 404, 302),
        ("GET /training/sessions/{id:int}/attendance.xlsx", "/training/sessions/1/attendance.xlsx", 200, 404, 200, 200, 404, 302),
        ("GET /training/sessions/{id:int}/attendance.xlsx", "/training/sessions/999999/attendance.xlsx", 404, 404, 404, 404, 404, 302),
        ("GET /training/completion.csv", "/training/completion.csv", 200, 200, 200, 200, 404, 302),
        ("GET /training/completion.xlsx", "/training/completion.xlsx", 200, 200, 200, 200, 404, 302),
        ("GET /assignments/{region}/shifts.csv", "/assignments/BPL/shifts.csv", 200, 200, 404, 404, 404, 302),
        ("GET /assignments/{region}/shifts.csv", "/assignments/NC/shifts.csv?week=2026-12-14", 200, 404, 200, 404, 404, 302),
        ("GET /me/calendar.ics", "/me/calendar.ics", 404, 404, 404, 404, 200, 302),
        // A subscription address that is no advisor's current one (guessed, renewed, another advisor's old one): nothing there.
        ("GET /calendar/{token}.ics", "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", 404, 404, 404, 404, 404, 404),
        ("GET /calendar/{token}.ics", "/calendar/short.ics", 404, 404, 404, 404, 404, 404),
        ("ANY /health", "/health", 200, 200, 200, 200, 200, 200),
        // Single sign-on is off in this portal (no Authentication:Oidc:Authority): its addresses are not there. On, see Users/SingleSignOnTests.
        ("GET /Account/ExternalLogin/Callback", "/Account/ExternalLogin/Callback", 404, 404, 404, 404, 404, 404),
        (AccessMatrix.StaticFiles, "/_framework/blazor.web.js", 200, 200, 200, 200, 200, 200),
        // The development fallback for files not in the static-asset manifest: it names no policy.
        ("GET,HEAD {**path:file}", "/no-such-file.txt", 404, 404, 404, 404, 404, 302),
        ("GET " + PortalAppFactory.UndeclaredEndpoint, PortalAppFactory.UndeclaredEndpoint, 404, 404, 404, 404, 404, 404),
        ("GET /_framework/opaque-redirect", "/_framework/opaque-redirect", 400, 400, 400, 400, 400, 302),
        ("ANY /_blazor", "/_blazor", 400, 400, 400, 400, 400, 401),
        ("ANY /_blazor/initializers/", "/_blazor/initializers/", 200, 200, 200, 200, 200, 302),
    ];

    /// <summary>Form posts, each with the antiforgery token of the user's own page, as the page's form sends them.</summary>
    public static readonly (string Route, string Path, int National, int DirectorBpl, int DirectorNc, int Hr, int Advisor, int Anonymous)[] Posts =
    [
        ("POST /preferences/theme", "/preferences/theme", 302, 302, 302, 302, 302, 302),
        ("POST /preferences/culture", "/preferences/culture", 302, 302, 302, 302, 302, 302),
        ("POST /Account/Logout", "/Account/Logout", 302, 302, 302, 302, 302, 302),
        ("POST /Account/ExternalLogin", "/Account/ExternalLogin", 404, 404, 404, 404, 404, 404),
        ("ANY /_blazor/negotiate", "/_blazor/negotiate?negotiateVersion=1", 200, 200, 200, 200, 200, 401),
        ("ANY /_blazor/disconnect/", "/_blazor/disconnect/", 400, 400, 400, 400, 400, 302),
    ];

    /// <summary>
    /// Service commands on BPL data, as each role: national, BPL director (own region), NC director (other region), HR,
    /// the BPL advisor. "not found" is a refusal told as if the data did not exist; "refused" is a refusal that says so;
    /// a write's "invalid: X" or "conflict" means the actor was let through to the form's checks (nothing is written).
    /// </summary>
    public static readonly (string Command, string National, string DirectorOwn, string DirectorOther, string Hr, string Advisor)[] Commands =
    [
        ("AdvisorDirectory.SearchAsync", "with BPL", "with BPL", "empty", "with BPL", "empty"),
        ("AdvisorDirectory.FiltersAsync", "with BPL", "with BPL", "without BPL", "with BPL", "empty"),
        ("AdvisorExportService.ExportAsync", "with BPL", "with BPL", "without BPL", "with BPL", "empty"),
        ("AdvisorImportService.ImportAsync", "checked", "checked", "checked", "refused", "refused"),
        ("AdvisorProfileService.CreateAsync", "invalid: EmployeeNumber", "invalid: EmployeeNumber", "invalid: SiteId", "not found", "not found"),
        ("AdvisorProfileService.UpdateAsync", "conflict", "conflict", "not found", "not found", "not found"),
        ("AdvisorProfileService.SetActiveAsync", "conflict", "conflict", "not found", "not found", "not found"),
        ("AdvisorProfileService.GetAsync", "allowed", "allowed", "not found", "allowed without shifts", "not found"),
        ("AdvisorProfileService.SetSkillAsync", "invalid: SkillId", "invalid: SkillId", "not found", "not found", "not found"),
        ("AssignmentService.ApplyPatternAsync", "refused by rules", "refused by rules", "not found", "not found", "not found"),
        ("AssignmentService.CopyAsync", "refused by rules", "refused by rules", "not found", "not found", "not found"),
        ("AssignmentService.CopyWeekAsync", "saved", "saved", "not found", "not found", "not found"),
        ("AssignmentService.DeleteAsync", "conflict", "conflict", "not found", "not found", "not found"),
        ("AssignmentService.GetWeekAsync", "with BPL", "with BPL", "not found", "not found", "not found"),
        ("AssignmentService.GetRowsAsync", "with BPL", "with BPL", "not found", "not found", "not found"),
        ("AssignmentService.PublishAsync", "saved", "saved", "not found", "not found", "not found"),
        ("AssignmentService.SaveAsync", "refused by rules", "refused by rules", "not found", "not found", "not found"),
        ("AttendanceService.CancelCompletionAsync", "invalid: Reason", "not found", "not found", "invalid: Reason", "not found"),
        ("AttendanceService.ImportAsync", "checked", "checked", "refused", "checked", "refused"),
        ("AttendanceService.RecordAsync", "invalid: Result", "invalid: Result", "not found", "invalid: Result", "not found"),
        ("AttendanceService.SheetAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("AuditService.SearchAsync", "with BPL", "with BPL", "without BPL", "empty", "empty"),
        ("ChannelService.ChannelsAsync", "allowed", "empty", "empty", "empty", "empty"),
        ("ChannelService.GetAsync", "allowed", "not found", "not found", "not found", "not found"),
        ("ChannelService.SaveAsync", "conflict", "not found", "not found", "not found", "not found"),
        ("CourseCatalogueService.ListAsync", "allowed", "allowed", "allowed", "allowed", "empty"),
        ("CourseCatalogueService.SaveAsync", "invalid: Code", "not found", "not found", "invalid: Code", "not found"),
        ("CourseCatalogueService.SkillsAsync", "allowed", "empty", "empty", "allowed", "empty"),
        ("CoverageService.GetWeekAsync", "allowed", "allowed", "not found", "not found", "not found"),
        ("CoverageService.RefreshDaysAsync", "allowed", "allowed", "not found", "not found", "not found"),
        ("DashboardService.GetAsync", "national", "director BPL", "director NC", "HR", "own record"),
        ("EnrolmentService.CandidatesAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("EnrolmentService.EnrolAsync", "invalid: AdvisorIds", "invalid: AdvisorIds", "not found", "not found", "not found"),
        ("EnrolmentService.StillNeedingAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("EnrolmentService.WithdrawAsync", "conflict", "conflict", "not found", "not found", "not found"),
        ("ForecastImportService.ImportAsync", "checked", "checked", "refused", "refused", "refused"),
        ("MyAssignmentsService.CalendarAsync", "not found", "not found", "not found", "not found", "own"),
        ("MyAssignmentsService.GetAsync", "not found", "not found", "not found", "not found", "own"),
        ("MyAssignmentsService.HasSubscriptionAsync", "not found", "not found", "not found", "not found", "own"),
        ("MyAssignmentsService.MarkSeenAsync", "ignored", "ignored", "ignored", "ignored", "own"),
        ("MyAssignmentsService.RenewSubscriptionAsync", "not found", "not found", "not found", "not found", "own"),
        ("MyTrainingService.TrainingDaysAsync", "empty", "empty", "empty", "empty", "own"),
        ("RegionDirectory.FindAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("RegionDirectory.ReadableAsync", "all", "BPL", "NC", "none", "none"),
        ("RegionDirectory.TimelineAsync", "opens all", "opens BPL", "opens NC", "opens none", "opens none"),
        ("ReadinessService.GetAsync", "allowed", "allowed", "not found", "not found", "not found"),
        ("ReadinessService.OutlookAsync", "allowed", "allowed", "not found", "not found", "not found"),
        ("ReadinessService.OutlookWithAsync", "allowed", "allowed", "not found", "not found", "not found"),
        ("ReadinessService.OutlooksAsync", "with BPL", "with BPL", "without BPL", "empty", "empty"),
        ("RolloutPlanService.PlanAsync", "allowed", "not found", "not found", "not found", "not found"),
        ("RolloutPlanService.SavePlanAsync", "invalid: BPL", "not found", "not found", "not found", "not found"),
        ("RolloutPlanService.SaveSettingsAsync", "invalid: TrainingCompletionThreshold", "not found", "not found", "not found", "not found"),
        ("RolloutPlanService.SettingsAsync", "allowed", "not found", "not found", "not found", "not found"),
        ("RolloutPlanService.TimelineAsync", "opens all", "opens BPL", "opens NC", "opens none", "opens none"),
        ("RosterService.ApplyAsync", "saved", "saved", "not found", "not found", "not found"),
        ("RosterService.ProposeAsync", "with BPL", "with BPL", "not found", "not found", "not found"),
        ("ShiftFileService.ExportAsync", "with BPL", "with BPL", "not found", "not found", "not found"),
        ("ShiftFileService.ImportAsync", "checked", "checked", "checked", "refused", "refused"),
        ("SkillsMatrixService.GetAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("StatsService.GetAsync", "allowed", "refused", "refused", "refused", "refused"),
        ("SwitchService.RollBackAsync", "invalid: Status", "not found", "not found", "not found", "not found"),
        ("SwitchService.SwitchAsync", "invalid: Justification", "invalid: Gates", "not found", "not found", "not found"),
        ("SubcontractingService.ChoicesAsync", "with BPL", "with BPL", "without BPL", "empty", "empty"),
        ("SubcontractingService.DeleteAsync", "conflict", "conflict", "not found", "not found", "not found"),
        ("SubcontractingService.ListAsync", "with BPL", "with BPL", "without BPL", "empty", "empty"),
        ("SubcontractingService.SaveAsync", "invalid: SiteId", "invalid: SiteId", "not found", "not found", "not found"),
        ("TrainingPlanService.AcceptAsync", "saved", "saved", "not found", "not found", "not found"),
        ("TrainingPlanService.ProposeAsync", "with BPL", "with BPL", "not found", "not found", "not found"),
        ("TrainingSessionService.CalendarAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("TrainingSessionService.ChoicesAsync", "allowed", "allowed", "not found", "not found", "not found"),
        ("TrainingSessionService.GetAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("TrainingSessionService.ListAsync", "allowed", "allowed", "not found", "allowed", "not found"),
        ("TrainingSessionService.SaveAsync", "invalid: Days", "invalid: Days", "not found", "not found", "not found"),
        ("TrainingCompletionService.ExportAsync", "with BPL", "with BPL", "without BPL", "with BPL", "empty"),
        ("TrainingCompletionService.FileRowsAsync", "with BPL", "with BPL", "without BPL", "with BPL", "empty"),
        ("TrainingCompletionService.GetAsync", "with BPL", "with BPL", "without BPL", "with BPL", "not found"),
        ("TrainingCompletionService.MissingAsync", "with BPL", "with BPL", "without BPL", "with BPL", "empty"),
        ("UsersService.ChangeRoleAsync", "invalid: Region", "not found", "not found", "not found", "not found"),
        ("UsersService.CreateAsync", "invalid: Email", "not found", "not found", "not found", "not found"),
        ("UsersService.ResetPasswordAsync", "saved", "not found", "not found", "not found", "not found"),
        ("UsersService.ResetTwoFactorAsync", "saved", "not found", "not found", "not found", "not found"),
        ("UsersService.SearchAsync", "allowed", "empty", "empty", "empty", "empty"),
        ("UsersService.SetDisabledAsync", "invalid: Email", "not found", "not found", "not found", "not found"),
        ("UsersService.SignOutEverywhereAsync", "saved", "not found", "not found", "not found", "not found"),
        ("UsersService.UnlockAsync", "saved", "not found", "not found", "not found", "not found"),
    ];

    private static readonly string[] Users = [DemoAccounts.National, DemoAccounts.DirectorBpl, DemoAccounts.DirectorNc, DemoAccounts.Hr, DemoAccounts.AdvisorBpl, Anonymous];

    private static int Expected((string Route, string Path, int National, int DirectorBpl, int DirectorNc, int Hr, int Advisor, int Anonymous) r, string user) =>
        user switch
        {
            DemoAccounts.National => r.National,
            DemoAccounts.DirectorBpl => r.DirectorBpl,
            DemoAccounts.DirectorNc => r.DirectorNc,
            DemoAccounts.Hr => r.Hr,
            DemoAccounts.AdvisorBpl => r.Advisor,
            _ => r.Anonymous,
        };

    // ---- completeness ----

    [Fact]
    public void Every_page_has_a_row()
    {
        var missing = AccessMatrix.Missing(AccessMatrix.Pages(), Http.Select(r => r.Route));

        Assert.True(AccessMatrix.Pages().Count >= 20);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_endpoint_has_a_row()
    {
        var endpoints = AccessMatrix.Endpoints(fixture.App.Services.GetRequiredService<EndpointDataSource>());

        Assert.Contains("GET /advisors.csv", endpoints);
        Assert.Empty(AccessMatrix.Missing(endpoints, Http.Concat(Posts).Select(r => r.Route)));
    }

    [Fact]
    public void Every_service_command_has_a_row()
    {
        var commands = AccessMatrix.Commands();

        Assert.True(commands.Count >= 20);
        Assert.Empty(AccessMatrix.Missing(commands, Commands.Select(r => r.Command)));
    }

    [Fact]
    public void A_page_endpoint_or_command_missing_from_the_table_fails_the_completeness_check()
    {
        var endpoints = AccessMatrix.Endpoints(fixture.App.Services.GetRequiredService<EndpointDataSource>());

        var withoutAdvisorPage = AccessMatrix.Missing(AccessMatrix.Pages(), Http.Select(r => r.Route).Where(r => r != "/advisors/{EmployeeNumber}"));
        var withoutExport = AccessMatrix.Missing(endpoints, Http.Concat(Posts).Select(r => r.Route).Where(r => r != "GET /advisors.csv"));
        var withoutCreate = AccessMatrix.Missing(AccessMatrix.Commands(), Commands.Select(r => r.Command).Where(c => c != "AdvisorProfileService.CreateAsync"));

        Assert.Equal(["/advisors/{EmployeeNumber}"], withoutAdvisorPage);
        Assert.Equal(["GET /advisors.csv"], withoutExport);
        Assert.Equal(["AdvisorProfileService.CreateAsync"], withoutCreate);
    }

    // ---- HTTP ----

    public static TheoryData<string> EachUser() => new(Users);

    [Theory]
    [MemberData(nameof(EachUser))]
    public async Task Each_address_answers_the_user_as_the_table_says(string user)
    {
        using var client = await ClientAsync(user);
        var wrong = new List<string>();
        foreach (var row in Http)
        {
            var expected = Expected(row, user);
            using var response = await client.GetAsync(row.Path);
            var answer = (int)response.StatusCode;
            if (answer != expected)
            {
                wrong.Add($"{row.Path}: {answer}, expected {expected}");
                continue;
            }
            if (answer == 302 && user == Anonymous && !response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal))
            {
                wrong.Add($"{row.Path}: redirected to {response.Headers.Location} instead of the login page");
            }
            if (answer == 302 && user != Anonymous)
            {
                // A director's entry to a per-region capability leads to the own region's page, never another's.
                var own = user == DemoAccounts.DirectorBpl ? "BPL" : "NC";
                if (!new Uri(fixture.App.BaseAddress, response.Headers.Location!).AbsolutePath.EndsWith($"{row.Path}/{own}", StringComparison.Ordinal))
                {
                    wrong.Add($"{row.Path}: redirected to {response.Headers.Location}");
                }
            }
            if (answer == 404 && row.Path.StartsWith('/') && !row.Path.StartsWith("/_", StringComparison.Ordinal))
            {
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if (!body.Contains("Page introuvable", StringComparison.Ordinal))
                {
                    wrong.Add($"{row.Path}: 404 without the not-found page");
                }
            }
        }
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(EachUser))]
    public async Task Each_form_post_answers_the_user_as_the_table_says(string user)
    {
        var wrong = new List<string>();
        foreach (var row in Posts)
        {
            // A client of its own per post: signing out must not end the session the other rows use.
            using var client = await ClientAsync(user);
            var fields = new Dictionary<string, string> { ["dark"] = "true", ["culture"] = "fr", ["returnUrl"] = "/" };
            using var response = await client.PostFormAsync(row.Path, fields);
            var expected = Expected(row, user);
            if ((int)response.StatusCode != expected)
            {
                wrong.Add($"POST {row.Path}: {(int)response.StatusCode}, expected {expected}");
            }
        }
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(EachUser))]
    public async Task An_endpoint_mapped_without_a_policy_is_not_found_for_everyone(string user)
    {
        using var client = await ClientAsync(user);

        using var response = await client.GetAsync(PortalAppFactory.UndeclaredEndpoint);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("undeclared endpoint reached", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_director_never_receives_another_region_name_in_a_refused_page()
    {
        using var client = await ClientAsync(DemoAccounts.DirectorBpl);

        using var response = await client.GetAsync("/coverage/NC");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Normandie-Centre", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_check_answers_anyone_without_personal_data()
    {
        using var client = new PortalBrowserClient(fixture.App.BaseAddress);

        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body);
    }

    private async Task<PortalBrowserClient> ClientAsync(string user)
    {
        var client = new PortalBrowserClient(fixture.App.BaseAddress);
        if (user != Anonymous)
        {
            var login = await client.LoginAsync(user, DemoAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
        return client;
    }

    // ---- service commands ----

    public static TheoryData<string> EachCommand() => new(Commands.Select(c => c.Command));

    [Theory]
    [MemberData(nameof(EachCommand))]
    public async Task Each_service_command_answers_each_role_as_the_table_says(string command)
    {
        var row = Commands.Single(c => c.Command == command);
        var target = await TargetAsync();
        var actors = new (Actor Actor, string Expected)[]
        {
            (new Actor(DemoAccounts.National, PortalRole.NationalAdmin), row.National),
            (new Actor(DemoAccounts.DirectorBpl, PortalRole.RegionalDirector, Bpl), row.DirectorOwn),
            (new Actor(DemoAccounts.DirectorNc, PortalRole.RegionalDirector, Nc), row.DirectorOther),
            (new Actor(DemoAccounts.Hr, PortalRole.HR), row.Hr),
            (new Actor(DemoAccounts.AdvisorBpl, PortalRole.Advisor, AdvisorId: target.AdvisorId), row.Advisor),
        };

        var answers = new List<string>();
        foreach (var (actor, _) in actors)
        {
            using var scope = fixture.App.Services.CreateScope();
            answers.Add(await InvokeAsync(command, scope.ServiceProvider, actor, target));
        }

        Assert.Equal(actors.Select(a => $"{a.Actor.Role} {a.Actor.RegionId}: {a.Expected}"), actors.Zip(answers, (a, answer) => $"{a.Actor.Role} {a.Actor.RegionId}: {answer}"));
    }

    /// <summary>BPL data the commands are asked about; the writes are built to stop at a check after access, so nothing changes.</summary>
    private sealed record Target(string EmployeeNumber, int AdvisorId, int SiteId, int InHouseSiteId, int SubcontractedSiteId, int CapacityId)
    {
        /// <summary>A BPL session with a planned enrolment, and that enrolment.</summary>
        public int SessionId { get; init; }

        public int EnrolmentId { get; init; }

        /// <summary>A course and one more working day than it has: a session form that passes the validator and fails the course's count.</summary>
        public int CourseId { get; init; }

        public List<DateOnly> TooManyDays { get; init; } = [];

        /// <summary>A BPL shift of this week (another advisor's than the demo advisor's), its day and its advisor.</summary>
        public int ShiftId { get; init; }

        public DateOnly ShiftDate { get; init; }

        public int AdvisorForShifts { get; init; }

        public string ShiftEmployeeNumber { get; init; } = "";
    }

    private async Task<Target> TargetAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.App.CreateDbContext();
        var advisorId = await db.Users.Where(u => u.Email == DemoAccounts.AdvisorBpl).Select(u => u.AdvisorId!.Value).SingleAsync(ct);
        var advisor = await db.Advisors.Where(a => a.Site!.RegionId == Bpl && a.Active && a.Id != advisorId).OrderBy(a => a.Id)
            .Select(a => new { a.EmployeeNumber, a.SiteId }).FirstAsync(ct);
        var inHouse = await db.Sites.Where(s => s.RegionId == Bpl && s.Kind == Domain.Sites.SiteKind.InHouse).Select(s => s.Id).FirstAsync(ct);
        var capacity = await db.SubcontractorCapacities.Where(c => c.RegionId == Bpl).Select(c => new { c.Id, c.SiteId }).FirstAsync(ct);
        if (!await db.AuditEntries.AnyAsync(a => a.RegionId == Bpl, ct) || !await db.AuditEntries.AnyAsync(a => a.RegionId == Nc, ct))
        {
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "matrix", Entity = "Matrix", EntityKey = "BPL", RegionId = Bpl, Action = "Check" },
                new AuditEntry { AtUtc = DateTime.UtcNow, UserName = "matrix", Entity = "Matrix", EntityKey = "NC", RegionId = Nc, Action = "Check" });
            await db.SaveChangesAsync(ct);
        }
        var enrolment = await db.Enrolments.Where(e => e.Session!.RegionId == Bpl && e.Status == Domain.Training.EnrolmentStatus.Planned)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.SessionId }).FirstAsync(ct);
        var course = await db.Courses.OrderBy(c => c.Id).Select(c => new { c.Id, c.Days }).FirstAsync(ct);
        var days = new List<DateOnly>();
        for (var day = new DateOnly(2027, 3, 1); days.Count <= course.Days; day = day.AddDays(1))
        {
            if (Domain.Time.FrenchHolidays.IsTrainingDay(day))
            {
                days.Add(day);
            }
        }
        var monday = Domain.Time.LocalCalendar.MondayOf(Domain.Time.LocalCalendar.Paris.Today(TimeProvider.System));
        var shift = await db.Shifts.Where(s => s.Advisor!.Site!.RegionId == Bpl && s.AdvisorId != advisorId && s.Date >= monday && s.Date <= monday.AddDays(6))
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Date, s.AdvisorId, s.Advisor!.EmployeeNumber }).FirstAsync(ct);
        return new Target(advisor.EmployeeNumber, advisorId, advisor.SiteId, inHouse, capacity.SiteId, capacity.Id)
        {
            ShiftId = shift.Id,
            ShiftDate = shift.Date,
            AdvisorForShifts = shift.AdvisorId,
            ShiftEmployeeNumber = shift.EmployeeNumber,
            SessionId = enrolment.SessionId,
            EnrolmentId = enrolment.Id,
            CourseId = course.Id,
            TooManyDays = days,
        };
    }

    private static string Saved(SaveOutcome outcome, IReadOnlyDictionary<string, string> errors) => outcome switch
    {
        SaveOutcome.Invalid => "invalid: " + string.Join(',', errors.Keys.Order(StringComparer.Ordinal)),
        SaveOutcome.NotFound => "not found",
        SaveOutcome.Conflict => "conflict",
        _ => "saved",
    };

    private static string Planned(Portal.Services.Assignments.PlanningResult result) =>
        result.Refusals.Count > 0 ? "refused by rules" : Saved(result.Outcome, result.Errors);

    private static string Trained(TrainingSaveResult result) => result.Outcome switch
    {
        TrainingOutcome.Invalid => "invalid: " + string.Join(',', result.Errors.Keys.Order(StringComparer.Ordinal)),
        TrainingOutcome.NotFound => "not found",
        TrainingOutcome.Conflict => "conflict",
        TrainingOutcome.Refused => "refused",
        TrainingOutcome.ConfirmationNeeded => "confirmation",
        _ => "saved",
    };

    private static async Task<DateTime?> SeenAsync(IServiceProvider services, int advisorId, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<Portal.Services.Data.PortalDbContext>>().CreateDbContextAsync(ct);
        return await db.AdvisorCalendars.Where(c => c.AdvisorId == advisorId).Select(c => c.SeenAtUtc).SingleOrDefaultAsync(ct);
    }

    /// <summary>A login of the test's own, for the user commands that would otherwise change a demo login's sessions.</summary>
    private static async Task<string> ThrowawayUserAsync(IServiceProvider services)
    {
        var email = $"{Guid.NewGuid():N}@portal.test";
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Services.Data.PortalUser>>();
        var created = await users.CreateAsync(new Portal.Services.Data.PortalUser { UserName = email, Email = email });
        Assert.True(created.Succeeded);
        return email;
    }

    private static string Regions(IEnumerable<string> codes)
    {
        var list = codes.ToList();
        return list.Count == 0 ? "empty" : list.Contains("BPL") ? "with BPL" : "without BPL";
    }

    private static async Task<string> InvokeAsync(string command, IServiceProvider services, Actor actor, Target target)
    {
        var ct = TestContext.Current.CancellationToken;
        T S<T>() where T : notnull => services.GetRequiredService<T>();
        var today = Domain.Time.LocalCalendar.Paris.Today(TimeProvider.System);
        try
        {
            switch (command)
            {
                case "AdvisorDirectory.SearchAsync":
                    var page = await S<AdvisorDirectory>().SearchAsync(actor, new AdvisorQuery(Region: "BPL"), ct);
                    return page.Total == 0 ? "empty" : Regions(page.Rows.Select(r => r.Region));
                case "AdvisorDirectory.FiltersAsync":
                    return Regions((await S<AdvisorDirectory>().FiltersAsync(actor, ct)).Regions.Select(r => r.Code));
                case "AdvisorExportService.ExportAsync":
                    using (var output = new MemoryStream())
                    {
                        var count = await S<AdvisorExportService>().ExportAsync(actor, output, ct);
                        return count == 0 ? "empty" : Encoding.UTF8.GetString(output.ToArray()).Contains(target.EmployeeNumber, StringComparison.Ordinal) ? "with BPL" : "without BPL";
                    }
                case "AdvisorImportService.ImportAsync":
                    var advisors = await S<AdvisorImportService>().ImportAsync(actor, new MemoryStream(), ct);
                    return advisors.Errors.Any(e => e.Message == Messages.Format("AdvisorImport_Forbidden")) ? "refused" : "checked";
                case "AdvisorProfileService.CreateAsync":
                    var created = await S<AdvisorProfileService>().CreateAsync(actor, new NewAdvisor(target.EmployeeNumber, "Nom", "Prénom", target.InHouseSiteId, 100), ct);
                    return Saved(created.Outcome, created.Errors);
                case "AdvisorProfileService.UpdateAsync":
                    var updated = await S<AdvisorProfileService>().UpdateAsync(actor, new AdvisorDetails(target.EmployeeNumber, -1, "Nom", "Prénom", target.SiteId, 100), ct);
                    return Saved(updated.Outcome, updated.Errors);
                case "AdvisorProfileService.SetActiveAsync":
                    var deactivated = await S<AdvisorProfileService>().SetActiveAsync(actor, target.EmployeeNumber, -1, false, ct);
                    return Saved(deactivated.Outcome, deactivated.Errors);
                case "AdvisorProfileService.GetAsync":
                    var profile = await S<AdvisorProfileService>().GetAsync(actor, target.EmployeeNumber, ct);
                    return profile is null ? "not found" : profile.SeesShifts ? "allowed" : "allowed without shifts";
                case "AdvisorProfileService.SetSkillAsync":
                    var skill = await S<AdvisorProfileService>().SetSkillAsync(actor, new SkillChange(target.EmployeeNumber, -1, 999, ProficiencyLevel.Certified, today, null), ct);
                    return Saved(skill.Outcome, skill.Errors);
                case "AuditService.SearchAsync":
                    var audit = await S<AuditService>().SearchAsync(actor, new AuditQuery(PageSize: AuditQuery.MaxPageSize), ct);
                    return audit.Total == 0 ? "empty" : Regions(audit.Lines.Select(l => l.Region ?? ""));
                case "CourseCatalogueService.ListAsync":
                    return (await S<CourseCatalogueService>().ListAsync(actor, ct)).Count == 0 ? "empty" : "allowed";
                case "CourseCatalogueService.SaveAsync":
                    var course = new CourseForm { Code = "transv-com", Title = "Copie", Days = 2, Skills = [new CourseGrantForm { SkillId = 1 }] };
                    var courseSaved = await S<CourseCatalogueService>().SaveAsync(actor, course, ct);
                    return Saved(courseSaved.Outcome, courseSaved.Errors);
                case "CourseCatalogueService.SkillsAsync":
                    return (await S<CourseCatalogueService>().SkillsAsync(actor, ct)).Count == 0 ? "empty" : "allowed";
                case "CoverageService.GetWeekAsync":
                    return await S<CoverageService>().GetWeekAsync(actor, "BPL", today, null, ct) is null ? "not found" : "allowed";
                case "CoverageService.RefreshDaysAsync":
                    // A view read by someone who may, handed to the actor: refreshing it checks the actor again.
                    var shown = (await S<CoverageService>().GetWeekAsync(Actor.System, "BPL", today, null, ct))!;
                    return await S<CoverageService>().RefreshDaysAsync(actor, shown, [today], ct) is null ? "not found" : "allowed";
                case "DashboardService.GetAsync":
                    return await S<DashboardService>().GetAsync(actor, ct) switch
                    {
                        NationalDashboard => "national",
                        DirectorDashboard d => $"director {d.Region.Code}",
                        HrDashboard => "HR",
                        AdvisorDashboard => "own record",
                        _ => "not found",
                    };
                case "ForecastImportService.ImportAsync":
                    var forecast = await S<ForecastImportService>().ImportAsync(actor, new MemoryStream(), "BPL", ct);
                    return forecast.Errors.Any(e => e.Message == Messages.Format("Import_Empty")) ? "checked" : "refused";
                case "MyTrainingService.TrainingDaysAsync":
                    var days = await S<MyTrainingService>().TrainingDaysAsync(actor, today.AddDays(-366), today.AddDays(366), ct);
                    return days.Count == 0 ? "empty" : "own";
                case "RegionDirectory.FindAsync":
                    return await S<RegionDirectory>().FindAsync(actor, "BPL", Area.Advisors, ct) is null ? "not found" : "allowed";
                case "RegionDirectory.ReadableAsync":
                    var readable = await S<RegionDirectory>().ReadableAsync(actor, Area.Coverage, ct);
                    return readable.Count switch { 0 => "none", 9 => "all", _ => string.Join(',', readable.Select(r => r.Code)) };
                case "RegionDirectory.TimelineAsync":
                    var timeline = await S<RegionDirectory>().TimelineAsync(actor, ct);
                    var opens = timeline.Where(t => t.Readable).Select(t => t.Region.Code).ToList();
                    return timeline.Count == 0 ? "empty" : opens.Count == 9 ? "opens all" : opens.Count == 0 ? "opens none" : "opens " + string.Join(',', opens);
                case "ReadinessService.GetAsync":
                    return await S<ReadinessService>().GetAsync(actor, "BPL", today, ct) is null ? "not found" : "allowed";
                case "ReadinessService.OutlookAsync":
                    return await S<ReadinessService>().OutlookAsync(actor, "BPL", ct) is null ? "not found" : "allowed";
                case "ReadinessService.OutlookWithAsync":
                    return await S<ReadinessService>().OutlookWithAsync(actor, "BPL", [], ct) is null ? "not found" : "allowed";
                case "ReadinessService.OutlooksAsync":
                    return Regions((await S<ReadinessService>().OutlooksAsync(actor, ct)).Select(o => o.Region.Code));
                case "RolloutPlanService.PlanAsync":
                    return await S<RolloutPlanService>().PlanAsync(actor, ct) is null ? "not found" : "allowed";
                case "RolloutPlanService.SavePlanAsync":
                    // BPL dated on NC's day: refused by the plan's rules, after access.
                    var stored = await S<RolloutPlanService>().PlanAsync(Actor.System, ct);
                    stored!.Regions.Single(r => r.RegionCode == "BPL").PlannedSwitchDate = stored.Regions.Single(r => r.RegionCode == "NC").PlannedSwitchDate;
                    var planSaved = await S<RolloutPlanService>().SavePlanAsync(actor, stored, ct);
                    return Saved(planSaved.Outcome, planSaved.Errors);
                case "RolloutPlanService.SaveSettingsAsync":
                    var thresholds = (await S<RolloutPlanService>().SettingsAsync(Actor.System, ct))!;
                    thresholds.TrainingCompletionThreshold = 2;
                    var thresholdsSaved = await S<RolloutPlanService>().SaveSettingsAsync(actor, thresholds, ct);
                    return Saved(thresholdsSaved.Outcome, thresholdsSaved.Errors);
                case "RolloutPlanService.SettingsAsync":
                    return await S<RolloutPlanService>().SettingsAsync(actor, ct) is null ? "not found" : "allowed";
                case "RolloutPlanService.TimelineAsync":
                    var rows = await S<RolloutPlanService>().TimelineAsync(actor, ct);
                    var open = rows.Where(t => t.Readable).Select(t => t.Region.Code).ToList();
                    return rows.Count == 0 ? "empty" : open.Count == 9 ? "opens all" : open.Count == 0 ? "opens none" : "opens " + string.Join(',', open);
                case "SwitchService.RollBackAsync":
                    // BPL has not switched: refused after access, whatever the justification.
                    var rolledBack = await S<SwitchService>().RollBackAsync(actor, "BPL", "short", -1, ct);
                    return Saved(rolledBack.Outcome, rolledBack.Errors);
                case "SwitchService.SwitchAsync":
                    // BPL fails a gate today: a director is refused, a national administrator asked for a justification.
                    var switched = await S<SwitchService>().SwitchAsync(actor, "BPL", today, "short", -1, ct);
                    return Saved(switched.Outcome, switched.Errors);
                case "RosterService.ApplyAsync":
                    // An empty proposal for BPL: let through, nothing to write.
                    var bpl = await S<RegionDirectory>().FindAsync(Actor.System, "BPL", Area.Assignments, ct);
                    var draft = new Domain.Roster.RosterDraft([], [], [], new(0, 0, 0), new(0, 0, 0), new(0, 0, 0), LowerBound: 0, LowerBoundCore: 0, Domain.Roster.RosterSolveStatus.Greedy, 0);
                    return Planned(await S<RosterService>().ApplyAsync(actor, new RosterProposal(bpl!, new DateOnly(2031, 3, 3), false, ["Email"], draft, []), null, ct));
                case "RosterService.ProposeAsync":
                    var proposal = await S<RosterService>().ProposeAsync(actor, new RosterQuery("BPL", new DateOnly(2031, 3, 3), ["Email"], 1), null, ct);
                    return proposal is null ? "not found" : proposal.Region.Code == "BPL" ? "with BPL" : "without BPL";
                case "SkillsMatrixService.GetAsync":
                    return await S<SkillsMatrixService>().GetAsync(actor, "BPL", null, ct) is null ? "not found" : "allowed";
                case "StatsService.GetAsync":
                    await S<StatsService>().GetAsync(actor, ct);
                    return "allowed";
                case "SubcontractingService.ChoicesAsync":
                    var choices = await S<SubcontractingService>().ChoicesAsync(actor, ct);
                    return choices.Sites.Count == 0 ? "empty" : choices.Sites.Any(s => s.Id == target.SubcontractedSiteId) ? "with BPL" : "without BPL";
                case "SubcontractingService.DeleteAsync":
                    var deleted = await S<SubcontractingService>().DeleteAsync(actor, target.CapacityId, -1, ct);
                    return Saved(deleted.Outcome, deleted.Errors);
                case "SubcontractingService.ListAsync":
                    return Regions((await S<SubcontractingService>().ListAsync(actor, ct)).Select(r => r.RegionCode));
                case "SubcontractingService.SaveAsync":
                    var form = new CapacityForm { SiteId = target.InHouseSiteId, ChannelId = 1, Days = Weekdays.Monday, Agents = 1 };
                    var saved = await S<SubcontractingService>().SaveAsync(actor, form, ct);
                    return Saved(saved.Outcome, saved.Errors);
                case "AssignmentService.ApplyPatternAsync":
                    // Sunday 06:00: before the voice channel opens, so the rules refuse it and nothing is written.
                    var pattern = new PatternForm([target.AdvisorId], new DateOnly(2027, 3, 1), 1, [new PatternDay(DayOfWeek.Sunday, new TimeOnly(6, 0), new TimeOnly(7, 0))]);
                    return Planned(await S<AssignmentService>().ApplyPatternAsync(actor, pattern, ct));
                case "AssignmentService.CopyAsync":
                    // Onto its own day: it would overlap itself.
                    return Planned(await S<AssignmentService>().CopyAsync(actor, target.ShiftId, target.ShiftDate, ct));
                case "AssignmentService.CopyWeekAsync":
                    // A week without shifts: nothing to copy, nothing written.
                    return Planned(await S<AssignmentService>().CopyWeekAsync(actor, "BPL", new DateOnly(2031, 3, 3), ct));
                case "AssignmentService.DeleteAsync":
                    return Planned(await S<AssignmentService>().DeleteAsync(actor, target.ShiftId, -1, ct));
                case "AssignmentService.GetWeekAsync":
                    var week = await S<AssignmentService>().GetWeekAsync(actor, "BPL", today, new PlannerFilter(Search: target.EmployeeNumber), cancellationToken: ct);
                    return week is null ? "not found" : week.Rows.Any(r => r.EmployeeNumber == target.EmployeeNumber) ? "with BPL" : "without BPL";
                case "AssignmentService.GetRowsAsync":
                    var plannerRows = await S<AssignmentService>().GetRowsAsync(actor, "BPL", today, new PlannerFilter(Search: target.EmployeeNumber), 0, 50, ct);
                    return plannerRows is null ? "not found" : plannerRows.Rows.Any(r => r.EmployeeNumber == target.EmployeeNumber) ? "with BPL" : "without BPL";
                case "AssignmentService.PublishAsync":
                    // This week, published already: publishing again writes nothing.
                    return Saved((await S<AssignmentService>().PublishAsync(actor, "BPL", today, ct)).Outcome, new Dictionary<string, string>());
                case "ChannelService.ChannelsAsync":
                    return (await S<Portal.Services.Channels.ChannelService>().ChannelsAsync(actor, ct)).Count == 0 ? "empty" : "allowed";
                case "ChannelService.GetAsync":
                    return await S<Portal.Services.Channels.ChannelService>().GetAsync(actor, 1, ct) is null ? "not found" : "allowed";
                case "ChannelService.SaveAsync":
                    // A version behind the stored one: let through to the version check, nothing is written.
                    var channel = (await S<Portal.Services.Channels.ChannelService>().GetAsync(Actor.System, 1, ct))!;
                    channel.Version -= 1;
                    return Saved((await S<Portal.Services.Channels.ChannelService>().SaveAsync(actor, channel, ct)).Outcome, new Dictionary<string, string>());
                case "AssignmentService.SaveAsync":
                    var shift = new ShiftForm { AdvisorId = target.AdvisorForShifts, ChannelId = 1, Date = new DateOnly(2027, 3, 7), Start = new TimeOnly(6, 0), End = new TimeOnly(7, 0) };
                    return Planned(await S<AssignmentService>().SaveAsync(actor, shift, ct));
                case "ShiftFileService.ExportAsync":
                    using (var output = new MemoryStream())
                    {
                        var count = await S<ShiftFileService>().ExportAsync(actor, "BPL", today, output, ct);
                        return count is null ? "not found" : Encoding.UTF8.GetString(output.ToArray()).Contains(target.ShiftEmployeeNumber, StringComparison.Ordinal) ? "with BPL" : "without BPL";
                    }
                case "ShiftFileService.ImportAsync":
                    var shifts = await S<ShiftFileService>().ImportAsync(actor, new MemoryStream(), ct);
                    return shifts.Errors.Any(e => e.Message == Messages.Format("ShiftImport_Forbidden")) ? "refused" : "checked";
                case "MyAssignmentsService.CalendarAsync":
                    return await S<MyAssignmentsService>().CalendarAsync(actor, ct) is null ? "not found" : "own";
                case "MyAssignmentsService.GetAsync":
                    return await S<MyAssignmentsService>().GetAsync(actor, ct) is { } mine && mine.Shifts.Count > 0 ? "own" : "not found";
                case "MyAssignmentsService.HasSubscriptionAsync":
                    return await S<MyAssignmentsService>().HasSubscriptionAsync(actor, ct) is null ? "not found" : "own";
                case "MyAssignmentsService.MarkSeenAsync":
                    var seenBefore = await SeenAsync(services, target.AdvisorId, ct);
                    await Task.Delay(5, ct);
                    await S<MyAssignmentsService>().MarkSeenAsync(actor, ct);
                    return await SeenAsync(services, target.AdvisorId, ct) == seenBefore ? "ignored" : "own";
                case "MyAssignmentsService.RenewSubscriptionAsync":
                    return await S<MyAssignmentsService>().RenewSubscriptionAsync(actor, ct) is null ? "not found" : "own";
                case "AttendanceService.CancelCompletionAsync":
                    var cancel = await S<AttendanceService>().CancelCompletionAsync(actor, new CancelCompletionForm { EnrolmentId = target.EnrolmentId, Reason = "short" }, ct);
                    return Saved(cancel.Outcome, cancel.Errors);
                case "AttendanceService.ImportAsync":
                    var sheet = await S<AttendanceService>().ImportAsync(actor, target.SessionId, new MemoryStream(), ct);
                    return sheet.Errors.Any(e => e.Message == Messages.Format("AttendanceImport_Forbidden")) ? "refused" : "checked";
                case "AttendanceService.RecordAsync":
                    var record = new AttendanceForm { EnrolmentId = target.EnrolmentId, Version = -1, Result = Domain.Training.TrainingResult.Pass };
                    var recorded = await S<AttendanceService>().RecordAsync(actor, record, ct);
                    return Saved(recorded.Outcome, recorded.Errors);
                case "AttendanceService.SheetAsync":
                    return await S<AttendanceService>().SheetAsync(actor, target.SessionId, ct) is null ? "not found" : "allowed";
                case "EnrolmentService.CandidatesAsync":
                    return await S<EnrolmentService>().CandidatesAsync(actor, target.SessionId, null, ct) is { Count: > 0 } ? "allowed" : "not found";
                case "EnrolmentService.EnrolAsync":
                    var enrolled = await S<EnrolmentService>().EnrolAsync(actor, new EnrolmentRequest(target.SessionId, []), ct);
                    return Trained(enrolled);
                case "EnrolmentService.StillNeedingAsync":
                    return await S<EnrolmentService>().StillNeedingAsync(actor, target.SessionId, null, ct) is null ? "not found" : "allowed";
                case "EnrolmentService.WithdrawAsync":
                    var withdrawn = await S<EnrolmentService>().WithdrawAsync(actor, target.EnrolmentId, -1, ct);
                    return Saved(withdrawn.Outcome, withdrawn.Errors);
                case "TrainingPlanService.AcceptAsync":
                    // An empty proposal for BPL: let through, nothing to create.
                    var bplRegion = await S<RegionDirectory>().FindAsync(Actor.System, "BPL", Area.Training, ct);
                    var empty = new Domain.TrainingPlan.TrainingPlanProposal("BPL", today, true, today, 1, 0, [], Domain.TrainingPlan.TrainingPlanBinding.None,
                        Domain.TrainingPlan.TrainingPlanStatus.Greedy, 0, today, 0);
                    var accepted = await S<TrainingPlanService>().AcceptAsync(actor, new TrainingPlanView(bplRegion!, empty, new Dictionary<int, string>(), [], 0.8), ct);
                    return accepted.Outcome == TrainingOutcome.Saved ? "saved" : accepted.Outcome == TrainingOutcome.NotFound ? "not found" : accepted.Outcome.ToString();
                case "TrainingPlanService.ProposeAsync":
                    var trainingPlan = await S<TrainingPlanService>().ProposeAsync(actor, "BPL", today.AddDays(14), 1, null, ct);
                    return trainingPlan is null ? "not found" : trainingPlan.Region.Code == "BPL" ? "with BPL" : "without BPL";
                case "TrainingSessionService.CalendarAsync":
                    return await S<TrainingSessionService>().CalendarAsync(actor, "BPL", today.Year, today.Month, new SessionFilter(), ct) is null ? "not found" : "allowed";
                case "TrainingSessionService.ChoicesAsync":
                    return await S<TrainingSessionService>().ChoicesAsync(actor, "BPL", ct) is null ? "not found" : "allowed";
                case "TrainingSessionService.GetAsync":
                    return await S<TrainingSessionService>().GetAsync(actor, target.SessionId, ct) is null ? "not found" : "allowed";
                case "TrainingSessionService.ListAsync":
                    return await S<TrainingSessionService>().ListAsync(actor, "BPL", new SessionFilter(), ct) is { Sessions.Count: > 0 } ? "allowed" : "not found";
                case "TrainingSessionService.SaveAsync":
                    var plan = new TrainingSessionForm { CourseId = target.CourseId, SiteId = target.InHouseSiteId, Days = target.TooManyDays, Trainer = "Formateur", Capacity = 1 };
                    return Trained(await S<TrainingSessionService>().SaveAsync(actor, plan, ct));
                case "TrainingCompletionService.ExportAsync":
                    using (var output = new MemoryStream())
                    {
                        var count = await S<TrainingCompletionService>().ExportAsync(actor, output, ct);
                        return count == 0 ? "empty" : Regions(Encoding.UTF8.GetString(output.ToArray()).Split('\n').Skip(1).Select(l => l.Split(';')[0]));
                    }
                case "TrainingCompletionService.FileRowsAsync":
                    return Regions((await S<TrainingCompletionService>().FileRowsAsync(actor, ct)).Select(r => r.Region).Distinct());
                case "TrainingCompletionService.GetAsync":
                    return await S<TrainingCompletionService>().GetAsync(actor, ct) is { } completion ? Regions(completion.Regions.Select(r => r.RegionCode)) : "not found";
                case "TrainingCompletionService.MissingAsync":
                    var missing = await S<TrainingCompletionService>().MissingAsync(actor, new MissingQuery(PageSize: MissingQuery.MaxPageSize), ct);
                    var missingBpl = await S<TrainingCompletionService>().MissingAsync(actor, new MissingQuery(Region: "BPL"), ct);
                    return missing.Total == 0 ? "empty" : missingBpl.Total > 0 ? "with BPL" : "without BPL";
                case "UsersService.ChangeRoleAsync":
                    var role = await S<UsersService>().ChangeRoleAsync(actor, new UserForm { Email = DemoAccounts.Hr, Role = PortalRole.RegionalDirector }, ct);
                    return Saved(role.Outcome, role.Errors);
                case "UsersService.CreateAsync":
                    var user = await S<UsersService>().CreateAsync(actor, new UserForm { Email = "", Role = PortalRole.HR }, ct);
                    return Saved(user.Outcome, user.Result.Errors);
                case "UsersService.ResetPasswordAsync":
                    var reset = await S<UsersService>().ResetPasswordAsync(actor, await ThrowawayUserAsync(services), ct);
                    return Saved(reset.Outcome, reset.Result.Errors);
                case "UsersService.ResetTwoFactorAsync":
                    var twoFactor = await S<UsersService>().ResetTwoFactorAsync(actor, await ThrowawayUserAsync(services), ct);
                    return Saved(twoFactor.Outcome, twoFactor.Errors);
                case "UsersService.SearchAsync":
                    return (await S<UsersService>().SearchAsync(actor, new UserQuery(), ct)).Total == 0 ? "empty" : "allowed";
                case "UsersService.SetDisabledAsync":
                    // The national administrator's own login: let through to the check that refuses disabling oneself.
                    var disabled = await S<UsersService>().SetDisabledAsync(actor, DemoAccounts.National, true, ct);
                    return Saved(disabled.Outcome, disabled.Errors);
                case "UsersService.SignOutEverywhereAsync":
                    var signedOut = await S<UsersService>().SignOutEverywhereAsync(actor, await ThrowawayUserAsync(services), ct);
                    return Saved(signedOut.Outcome, signedOut.Errors);
                case "UsersService.UnlockAsync":
                    var unlocked = await S<UsersService>().UnlockAsync(actor, await ThrowawayUserAsync(services), ct);
                    return Saved(unlocked.Outcome, unlocked.Errors);
                default:
                    throw new InvalidOperationException($"{command} has a row but no way to invoke it");
            }
        }
        catch (UnauthorizedAccessException)
        {
            return "refused";
        }
    }
}
