using Bunit;
using Microsoft.AspNetCore.Components;

namespace Portal.Components.Tests.Dashboard;

/// <summary>Reads a headline figure and the sentence under it.</summary>
public static class Figures
{
    public static string ValueOf(IRenderedComponent<IComponent> panel, string testId) =>
        panel.Find($"[data-testid={testId}]").TextContent.Trim();

    public static string? DetailOf(IRenderedComponent<IComponent> panel, string testId) =>
        panel.Find($"[data-testid={testId}]").NextElementSibling?.TextContent.Trim();
}
