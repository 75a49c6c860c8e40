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

    /// <summary>Whether <paramref name="path"/> names a service's internal endpoint under its API prefix;
    /// <paramref name="testSystem"/> lets the test clock through (see <see cref="TestSystemSetting"/>).</summary>
    public static bool IsInternal(PathString path, bool testSystem = false)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 3 && segments[0].Equals("api", StringComparison.OrdinalIgnoreCase) && Internal.Contains(segments[2])
               && !(testSystem && segments[2].Equals("test", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The switch that makes the services map <c>/test/clock</c> at all (<c>WAAS_TEST_CLOCK=1</c>, end-to-end test systems
    /// only). A gateway started with it forwards <c>/api/&lt;service&gt;/test/...</c> too, so end-to-end tests can move
    /// time through it (still for operations tokens only); any other gateway never does.
    /// </summary>
    public const string TestSystemSetting = "WAAS_TEST_CLOCK";

    /// <summary>Proxy step: refuses internal paths before anything is forwarded.</summary>
    public static Func<HttpContext, Func<Task>, Task> RefuseInternal(IConfiguration configuration)
    {
        var testSystem = configuration[TestSystemSetting] == "1";
        return (http, next) => IsInternal(http.Request.Path, testSystem) ? NotFoundAsync(http) : next();
    }

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
