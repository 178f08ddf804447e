namespace Portal.EndToEnd.Tests.Infrastructure;

public sealed record Credentials(string Email, string Password);
