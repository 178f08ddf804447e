using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Portal.Components.Tests.Forms;

/// <summary>Reaching a form's inputs the way a user does: by their label.</summary>
public static class FormTestExtensions
{
    /// <summary>The input control (input, label and message) whose label reads <paramref name="label"/>.</summary>
    public static IElement Field<T>(this IRenderedComponent<T> form, string label) where T : IComponent =>
        form.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    /// <summary>Types a value and leaves the field, as the browser's change event does.</summary>
    public static void Type<T>(this IRenderedComponent<T> form, string label, string value) where T : IComponent =>
        form.Field(label).QuerySelector("input")!.Change(value);

    /// <summary>The message shown under a field, empty when there is none.</summary>
    public static string MessageOf<T>(this IRenderedComponent<T> form, string label) where T : IComponent =>
        form.Field(label).QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    /// <summary>Picks an option as a click on it does (the select validates its new value).</summary>
    public static async Task ChooseAsync<TComponent, TValue>(this IRenderedComponent<TComponent> form, string label, TValue value) where TComponent : class, IComponent
    {
        var select = form.FindComponents<MudSelect<TValue>>().Single(s => s.Instance.Label == label);
        await form.InvokeAsync(() => select.Instance.SelectOption(value));
    }
}
