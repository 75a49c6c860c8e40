using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.ServiceDefaults.Writes;

/// <summary>How a refusal answers at the HTTP edge.</summary>
public enum RefusalKind
{
    /// <summary>400: the request itself is malformed.</summary>
    Invalid,

    /// <summary>404: the thing to change does not exist.</summary>
    NotFound,

    /// <summary>409: the current state (or version) forbids the change.</summary>
    Conflict,

    /// <summary>422: a named business rule refuses the change.</summary>
    RuleBroken,

    /// <summary>403: the caller may see the thing but a named rule forbids it this change (e.g. the distributor changing
    /// a reseller's contract).</summary>
    Forbidden,
}

/// <summary>
/// The one way a decision says no: the rule's name, a message for people, what kind of no it is, and the field it
/// concerns. Decisions stay free of HTTP; the edge turns a refusal into RFC 9457 problem details.
/// </summary>
public sealed record Refusal(string Rule, string Message, RefusalKind Kind = RefusalKind.RuleBroken, string? Field = null)
{
    /// <summary>409: the state forbids it.</summary>
    public static Refusal Conflict(string rule, string message, string? field = null) => new(rule, message, RefusalKind.Conflict, field);

    /// <summary>422: a business rule forbids it.</summary>
    public static Refusal Broken(string rule, string message, string? field = null) => new(rule, message, RefusalKind.RuleBroken, field);

    /// <summary>403: a named rule forbids this caller the change.</summary>
    public static Refusal Forbidden(string rule, string message) => new(rule, message, RefusalKind.Forbidden, "Authorization");

    /// <summary>400: one field of the request is invalid.</summary>
    public static Refusal Invalid(string field, string rule, string message) => new(rule, message, RefusalKind.Invalid, field);

    /// <summary>400 naming every invalid field at once.</summary>
    public static Refusal Invalid(IReadOnlyList<FieldError> errors) =>
        new(errors[0].Rule, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), RefusalKind.Invalid, errors[0].Field) { Errors = errors };

    /// <summary>404 naming what is missing.</summary>
    public static Refusal NotFound(string what, object id) =>
        new("NotFound", $"No {what.ToLowerInvariant()} with id '{id}'.", RefusalKind.NotFound) { What = what, Id = id };

    /// <summary>Every invalid field, when a 400 names more than one.</summary>
    public IReadOnlyList<FieldError>? Errors { get; init; }

    /// <summary>The missing thing, for a 404's title.</summary>
    public string? What { get; init; }

    /// <summary>The id that was not found.</summary>
    public object? Id { get; init; }

    /// <summary>The problem the edge answers with.</summary>
    public ProblemHttpResult ToProblem() => Kind switch
    {
        RefusalKind.Invalid => Errors is { Count: > 0 } errors ? Problems.Invalid(errors) : Problems.Invalid(Field ?? "body", Rule, Message),
        RefusalKind.NotFound => Problems.NotFound(What ?? "Resource", Id ?? "?"),
        RefusalKind.Conflict => Problems.Conflict(Rule, Message, Field),
        RefusalKind.Forbidden => Problems.Forbidden(Rule, Message),
        _ => Problems.RuleBroken(Rule, Message, Field),
    };
}
