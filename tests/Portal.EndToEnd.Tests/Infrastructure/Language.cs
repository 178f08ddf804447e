namespace Portal.EndToEnd.Tests.Infrastructure;

/// <summary>The few interface texts the tests look for, in each language of the portal (the resource files of Portal.Web).</summary>
public sealed record Language(
    string Code, string Dashboard, string LoginTitle, string EmailLabel, string PasswordLabel, string LoginSubmit, string Logout)
{
    public static Language French { get; } =
        new("fr", "Tableau de bord", "Connexion", "Adresse électronique", "Mot de passe", "Se connecter", "Se déconnecter");

    public static Language English { get; } =
        new("en", "Dashboard", "Log in", "Email address", "Password", "Log in", "Log out");
}
