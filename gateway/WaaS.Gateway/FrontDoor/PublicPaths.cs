using Microsoft.AspNetCore.Mvc;

namespace WaaS.Gateway.FrontDoor;

/// <summary>
/// Only the API and the identity endpoints are public. A route forwards <c>/api/&lt;service&gt;/...</c>, but what every
/// service maps for operators and tests (health, metrics, the API description, the test clock) is not forwarded;
/// any path no route serves answers 404 as problem details.
/// </summary>
public static class PublicPaths
{
    private static readonly HashSet<string> Internal = new(StringComparer.OrdinalIgnoreCase)
    {
        "health", "alive", "metrics", "openapi", "scalar", "test",
    };

    /// <summary>Whether <paramref name="path"/> names a service's internal endpoint under its API prefix. The test clock
    /// is internal too, even on an end-to-end test system: tests move time on the processes themselves.</summary>
    public static bool IsInternal(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[0].Equals("api", StringComparison.OrdinalIgnoreCase) && Internal.Contains(segments[2]);
    }

    /// <summary>Proxy step: refuses internal paths before anything is forwarded.</summary>
    public static Task RefuseInternal(HttpContext http, Func<Task> next) =>
        IsInternal(http.Request.Path) ? NotFoundAsync(http) : next();

    /// <summary>404 as problem details: the path is not part of the public API.</summary>
    public static async Task NotFoundAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found.",
                Type = "https://waas.example/problems/NotFound",
                Detail = "The gateway serves /api/<service>/... and the identity endpoints only.",
                Extensions = { ["rule"] = "NotFound" },
            },
        });
    }
}
