using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WaaS.ServiceDefaults.Http;

/// <summary>
/// Turns an unreadable body or parameter into a 400 problem that names the field (the JSON path, or the route or
/// query parameter) and the rule, instead of a bare 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var problem = badRequest.InnerException is JsonException json
            ? BodyProblem(json)
            : Parameter().Match(badRequest.Message) is { Success: true } parameter
                ? ParameterProblem(parameter, badRequest.Message)
                : Problems.Invalid("body", "ReadableRequest", badRequest.Message);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem.ProblemDetails });
    }

    private static ProblemHttpResult BodyProblem(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        return Problems.Invalid(field, "ValidJson", $"'{field}' has the wrong type or format.");
    }

    private static ProblemHttpResult ParameterProblem(Match parameter, string aspNetMessage)
    {
        var name = parameter.Groups["name"].Value;
        return Problems.Invalid(name, "ParameterFormat", parameter.Groups["value"].Success
            ? $"'{name}' must be a {parameter.Groups["type"].Value}; '{parameter.Groups["value"].Value}' is not."
            : aspNetMessage);
    }

    // ASP.NET Core's wording for route and query values, e.g. Failed to bind parameter "Nullable<Guid> contractId" from "zzz".
    [GeneratedRegex("""parameter "(?:Nullable<)?(?<type>[\w.]+)>? (?<name>\w+)"(?: from "(?<value>[^"]*)")?""")]
    private static partial Regex Parameter();
}
