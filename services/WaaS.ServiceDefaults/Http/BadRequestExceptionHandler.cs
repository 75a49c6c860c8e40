using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace WaaS.ServiceDefaults.Http;

/// <summary>
/// Turns an unreadable body or parameter into a 400 problem that names the field (the JSON path) and the
/// rule, instead of a bare 400 or a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        var json = badRequest.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var problem = Problems.Invalid(field, json is null ? "ReadableRequest" : "ValidJson",
            json is null ? badRequest.Message : $"'{field}' has the wrong type or format.");
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem.ProblemDetails });
    }
}
