namespace Portal.Services.Channels;

/// <summary>The audit actions on channels, so writing and filtering use one word.</summary>
public static class ChannelActions
{
    public const string Update = "Update";
}
