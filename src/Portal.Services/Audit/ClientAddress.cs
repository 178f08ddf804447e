namespace Portal.Services.Audit;

/// <summary>
/// The network address of whoever the current operation serves, for security events in the audit log. The web app
/// reads it from the request; the administration tool has none.
/// </summary>
public interface IClientAddress
{
    string? Current { get; }
}

internal sealed class NoClientAddress : IClientAddress
{
    public string? Current => null;
}
