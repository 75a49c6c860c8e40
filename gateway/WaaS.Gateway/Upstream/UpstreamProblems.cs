using Microsoft.AspNetCore.Mvc;
using Polly.CircuitBreaker;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace WaaS.Gateway.Upstream;

/// <summary>
/// YARP answers a failed forward with a bare status code; clients of this API get RFC 9457 problem details
/// everywhere, so the gateway names the service that could not answer and why.
/// </summary>
public static class UpstreamProblems
{
    public static async Task WriteOnForwardError(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }
        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        var (status, rule, detail) = error.Error switch
        {
            _ when Unwrap<BrokenCircuitException>(error.Exception) => (StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                $"The {service} service failed repeatedly; the gateway stops calling it for a few seconds. Try again shortly."),
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, "ServiceTimeout",
                $"The {service} service did not answer in time."),
            ForwarderError.RequestCanceled => (StatusCodes.Status499ClientClosedRequest, "RequestCanceled", "The request was canceled."),
            ForwarderError.Request or ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                $"The {service} service cannot be reached. Try again shortly."),
            _ => (StatusCodes.Status502BadGateway, "BadGateway", $"The {service} service broke off its answer ({error.Error})."),
        };
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = "A service behind the gateway could not answer.",
                Type = $"https://waas.example/problems/{rule}",
                Detail = detail,
                Extensions = { ["rule"] = rule, ["service"] = service },
            },
        });
    }

    private static bool Unwrap<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T)
            {
                return true;
            }
        }
        return false;
    }
}
