using MonaSpark.Domain.Sources;

namespace MonaSpark.Domain.Validation;

/// <summary>Either a valid value or every reason it is not.</summary>
public sealed record ValidationResult<T>(T? Value, IReadOnlyList<ValidationFailure> Failures)
    where T : class
{
    public bool IsValid => Value is not null && Failures.Count == 0;

    public static ValidationResult<T> Valid(T value) => new(value, []);

    public static ValidationResult<T> Invalid(IReadOnlyList<ValidationFailure> failures) => new(null, failures);
}
