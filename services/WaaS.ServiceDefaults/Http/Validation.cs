namespace WaaS.ServiceDefaults.Http;

/// <summary>Collects field errors of a request so the answer names all of them at once.</summary>
public sealed class Validation
{
    private readonly List<FieldError> _errors = [];

    /// <summary>The errors found so far.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>True when no rule was broken.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Records an error for <paramref name="field"/> unless <paramref name="condition"/> holds.</summary>
    public Validation Require(bool condition, string field, string rule, string message)
    {
        if (!condition)
        {
            _errors.Add(new FieldError(field, rule, message));
        }
        return this;
    }

    /// <summary>Records a required-field error when <paramref name="value"/> is null or blank.</summary>
    public Validation Required(string? value, string field) =>
        Require(!string.IsNullOrWhiteSpace(value), field, "Required", $"'{field}' is required.");
}
