using FluentValidation;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Web.Components.Shared;

/// <summary>
/// A <see cref="MudForm"/> checked by the validator the service runs, field by field as the user types, with the
/// validator's messages (resource keys) in the user's language. The service validates again when the form is sent:
/// what only it can know (an employee number already taken, a site of another region) comes back through
/// <see cref="ShowRefusalsAsync"/> and stays under its field until the user changes the value.
/// </summary>
/// <typeparam name="TForm">What the inputs are bound to (<c>For="() => fields.LastName"</c>).</typeparam>
/// <typeparam name="TRequest">What the service receives and its validator checks, built from the form.</typeparam>
public sealed class FormValidation<TForm, TRequest>
    where TForm : class
{
    private readonly IValidator<TRequest> validator;
    private readonly IStringLocalizer localizer;
    private readonly Func<TForm, TRequest> toRequest;
    private readonly IReadOnlyDictionary<string, string> requestNames;
    private readonly Func<TForm, IEnumerable<(string Field, string Key)>> formRules;
    private readonly Dictionary<string, (object? Value, string Key)> refusals = new(StringComparer.Ordinal);
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);
    private bool sent;

    internal FormValidation(IValidator<TRequest> validator, IStringLocalizer localizer, Func<TForm, TRequest> toRequest,
        IReadOnlyDictionary<string, string>? requestNames, Func<TForm, IEnumerable<(string Field, string Key)>>? formRules)
    {
        this.validator = validator;
        this.localizer = localizer;
        this.toRequest = toRequest;
        this.requestNames = requestNames ?? new Dictionary<string, string>();
        this.formRules = formRules ?? (_ => []);
        Validation = async (model, name) => await MessagesAsync((TForm)model, name);
    }

    /// <summary>For <c>MudForm.Validation</c>: the messages of one field, named by its <c>For</c> expression.</summary>
    public Func<object, string, Task<IEnumerable<string>>> Validation { get; }

    /// <summary>
    /// Shows every field's messages and tells whether the form may be sent: the whole request is validated, so a
    /// rule on a value no input is bound to counts too.
    /// </summary>
    public async Task<bool> ValidateAsync(MudForm form, TForm model)
    {
        ArgumentNullException.ThrowIfNull(form);
        sent = true;
        await form.ValidateAsync();
        var result = await validator.ValidateAsync(toRequest(model));
        // A refusal stands until its value changes; one about a value the form does not hold cannot be corrected here.
        return result.IsValid && !formRules(model).Any()
            && !refusals.Any(r => typeof(TForm).GetProperty(r.Key) is not null && Equals(r.Value.Value, ValueOf(model, r.Key)));
    }

    /// <summary>Shows the service's refusals (message keys by the request's property names) under their fields.</summary>
    public async Task ShowRefusalsAsync(MudForm form, TForm model, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (property, key) in errors)
        {
            var field = FieldOf(property);
            refusals[field] = (ValueOf(model, field), key);
            touched.Add(field);
        }
        await form.ValidateAsync();
    }

    /// <summary>Marks a value no input is bound to as changed by the user, so <see cref="ErrorOf"/> speaks of it.</summary>
    public void Touch(string field) => touched.Add(field);

    /// <summary>The message of a value no input is bound to (a set of check boxes), once the user changed it or tried to send.</summary>
    public string? ErrorOf(TForm model, string field)
    {
        if (!sent && !touched.Contains(field))
        {
            return null;
        }
        var result = validator.Validate(ValidationContext<TRequest>.CreateWithOptions(toRequest(model), o => o.IncludeProperties(RequestNameOf(field))));
        return result.Errors.Select(e => e.ErrorMessage).Concat(FormAndRefusalKeys(model, field)).Select(Translate).FirstOrDefault();
    }

    private async Task<IEnumerable<string>> MessagesAsync(TForm model, string field)
    {
        var context = ValidationContext<TRequest>.CreateWithOptions(toRequest(model), o => o.IncludeProperties(RequestNameOf(field)));
        var result = await validator.ValidateAsync(context);
        return result.Errors.Select(e => e.ErrorMessage).Concat(FormAndRefusalKeys(model, field)).Distinct().Select(Translate).ToList();
    }

    private IEnumerable<string> FormAndRefusalKeys(TForm model, string field)
    {
        foreach (var (_, key) in formRules(model).Where(r => r.Field == field))
        {
            yield return key;
        }
        if (refusals.TryGetValue(field, out var refusal))
        {
            if (Equals(refusal.Value, ValueOf(model, field)))
            {
                yield return refusal.Key;
            }
            else
            {
                refusals.Remove(field);
            }
        }
    }

    /// <summary>A key of the page's own rules is in the interface's table; the validators' and services' keys are in theirs.</summary>
    private string Translate(string key) => localizer[key] is { ResourceNotFound: false } text ? text.Value : Portal.Services.Messages.Format(key);

    private string RequestNameOf(string field) => requestNames.TryGetValue(field, out var name) ? name : field;

    private string FieldOf(string property) => requestNames.FirstOrDefault(n => n.Value == property).Key ?? property;

    private static object? ValueOf(TForm model, string field) => typeof(TForm).GetProperty(field)?.GetValue(model);
}

/// <summary>How a form gets the service's validator.</summary>
public static class FormValidation
{
    /// <summary>The form's inputs are bound to the request itself.</summary>
    public static FormValidation<T, T> ForMudForm<T>(this IValidator<T> validator, IStringLocalizer localizer)
        where T : class => new(validator, localizer, model => model, null, null);

    /// <summary>
    /// The form's inputs are bound to a model of the page, turned into the request by <paramref name="toRequest"/>;
    /// <paramref name="requestNames"/> gives the request's property of each form property named otherwise, and
    /// <paramref name="formRules"/> what the request cannot express (a date that is not a date).
    /// </summary>
    public static FormValidation<TForm, TRequest> ForMudForm<TForm, TRequest>(this IValidator<TRequest> validator, IStringLocalizer localizer,
        Func<TForm, TRequest> toRequest, IReadOnlyDictionary<string, string>? requestNames = null,
        Func<TForm, IEnumerable<(string Field, string Key)>>? formRules = null)
        where TForm : class => new(validator, localizer, toRequest, requestNames, formRules);
}
