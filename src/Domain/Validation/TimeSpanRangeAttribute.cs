using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace MonaSpark.Domain.Validation;

/// <summary>
/// A <see cref="TimeSpan"/> option between two bounds, given as invariant <c>c</c>-format strings. Used
/// instead of <c>[TimeSpanRange(…)]</c>, whose lazy conversion setup is not thread-safe: two
/// hosts validating the same options at once (parallel tests, two hosts in one process) can make it
/// throw <see cref="InvalidCastException"/>. The bounds are parsed once, in the constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The field {0} must be between {1} and {2}.")
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    /// <summary>Null is valid (pair with <see cref="RequiredAttribute"/> to forbid it), as for <see cref="RangeAttribute"/>.</summary>
    public override bool IsValid(object? value) => value is null || (value is TimeSpan span && span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum.ToString("c", CultureInfo.InvariantCulture), Maximum.ToString("c", CultureInfo.InvariantCulture));
}
