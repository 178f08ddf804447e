using Bunit;
using Portal.Web.Components.Account.Pages.Components;

namespace Portal.Components.Tests.Account;

/// <summary>The enrolment steps: the authenticator key as a QR code for a phone and as text, in groups of four, for typing.</summary>
public sealed class AuthenticatorStepsTests : PortalComponentTest
{
    [Fact]
    public void The_key_is_shown_as_a_qr_code_and_as_lower_case_groups_of_four()
    {
        var steps = Render<AuthenticatorSteps>(p => p.Add(x => x.Key, "PORTALDEMONATIONALADMIN234567ABC").Add(x => x.Email, "national@portal.demo"));

        Assert.Equal("port alde mona tion alad min2 3456 7abc", steps.Find("[data-testid=authenticator-key]").TextContent);
        Assert.NotNull(steps.Find(".portal-qr svg"));
        Assert.Equal(3, steps.FindAll("ol > li").Count);
    }

    [Fact]
    public void A_key_of_odd_length_keeps_its_last_letters_and_a_new_key_redraws_the_qr_code()
    {
        var steps = Render<AuthenticatorSteps>(p => p.Add(x => x.Key, "ABCDEFGHIJ").Add(x => x.Email, "a@portal.demo"));
        var first = steps.Find(".portal-qr").InnerHtml;

        steps.Render(p => p.Add(x => x.Key, "KLMNOPQRST"));

        Assert.Equal("klmn opqr st", steps.Find("[data-testid=authenticator-key]").TextContent);
        Assert.NotEqual(first, steps.Find(".portal-qr").InnerHtml);
    }
}
