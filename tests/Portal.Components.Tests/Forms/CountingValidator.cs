using FluentValidation;
using FluentValidation.Results;

namespace Portal.Components.Tests.Forms;

/// <summary>
/// The real validator, counting how often it runs: handed to a service only, it tells whether the service was asked at
/// all (each service validates what it receives).
/// </summary>
public sealed class CountingValidator<T>(IValidator<T> inner) : IValidator<T>
{
    private int calls;

    public int Calls => calls;

    public ValidationResult Validate(T instance) => Count(() => inner.Validate(instance));

    public Task<ValidationResult> ValidateAsync(T instance, CancellationToken cancellation = default) => Count(() => inner.ValidateAsync(instance, cancellation));

    public ValidationResult Validate(IValidationContext context) => Count(() => inner.Validate(context));

    public Task<ValidationResult> ValidateAsync(IValidationContext context, CancellationToken cancellation = default) => Count(() => inner.ValidateAsync(context, cancellation));

    public IValidatorDescriptor CreateDescriptor() => inner.CreateDescriptor();

    public bool CanValidateInstancesOfType(Type type) => inner.CanValidateInstancesOfType(type);

    private TResult Count<TResult>(Func<TResult> validate)
    {
        Interlocked.Increment(ref calls);
        return validate();
    }
}
