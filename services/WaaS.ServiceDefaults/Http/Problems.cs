using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace WaaS.ServiceDefaults.Http;

/// <summary>
/// RFC 9457 answers that name the field and the rule. 400: the request is malformed; 404: no such resource;
/// 409: the resource changed or is in a state that forbids the change; 422: a business rule refuses it.
/// </summary>
public static class Problems
{
    internal static IServiceCollection AddServiceDefaultsProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString()
                ?? ctx.HttpContext.TraceIdentifier;
        });

    /// <summary>400 with one entry per invalid field: <c>errors: { field: ["rule: message"] }</c>.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Type = "https://waas.example/problems/validation",
            Detail = string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
            Extensions =
            {
                ["errors"] = errors
                    .GroupBy(e => e.Field)
                    .ToDictionary(g => g.Key, g => g.Select(e => new { rule = e.Rule, message = e.Message }).ToArray()),
            },
        });

    /// <summary>400 for a single invalid field.</summary>
    public static ProblemHttpResult Invalid(string field, string rule, string message) =>
        Invalid([new FieldError(field, rule, message)]);

    /// <summary>422: the request is well-formed but a named business rule refuses it.</summary>
    public static ProblemHttpResult RuleBroken(string rule, string message, string? field = null) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "A business rule refuses this request.", rule, message, field);

    /// <summary>409: the resource is in a state (or version) that conflicts with the request.</summary>
    public static ProblemHttpResult Conflict(string rule, string message, string? field = null) =>
        Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state.", rule, message, field);

    /// <summary>404 naming what was not found.</summary>
    public static ProblemHttpResult NotFound(string what, object id) =>
        Problem(StatusCodes.Status404NotFound, $"{what} not found.", "NotFound", $"No {what.ToLowerInvariant()} with id '{id}'.", null);

    /// <summary>401: the request does not say who sends it.</summary>
    public static ProblemHttpResult Unauthorized(string rule, string message) =>
        Problem(StatusCodes.Status401Unauthorized, "Authentication is required.", rule, message, "Authorization");

    /// <summary>403: the sender is known but may not do this.</summary>
    public static ProblemHttpResult Forbidden(string rule, string message) =>
        Problem(StatusCodes.Status403Forbidden, "This request is not allowed for the sender.", rule, message, "Authorization");

    private static ProblemHttpResult Problem(int status, string title, string rule, string detail, string? field)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://waas.example/problems/{rule}",
            Extensions = { ["rule"] = rule },
        };
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }
        return TypedResults.Problem(problem);
    }
}

/// <summary>One invalid field of a request and the rule it breaks.</summary>
public sealed record FieldError(string Field, string Rule, string Message);
