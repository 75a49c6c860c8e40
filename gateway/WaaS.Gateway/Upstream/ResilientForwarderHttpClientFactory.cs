using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Yarp.ReverseProxy.Forwarder;

namespace WaaS.Gateway.Upstream;

/// <summary>
/// Puts Polly between the gateway and every service: one pipeline per cluster (service), so a service that is
/// down trips only its own breaker. Reads (GET, HEAD, OPTIONS) are retried on connection failures and 502/503/504,
/// which covers a service restarting or a rolling update; writes are never retried here, because a POST may have
/// reached the service before the connection broke — clients retry those with their own idempotent design.
/// </summary>
public sealed class ResilientForwarderHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new ResilienceHandler(Pipeline(context.ClusterId)) { InnerHandler = base.WrapHandler(context, handler) };

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(string cluster)
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = $"{cluster}-retry",
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(IsRead(args.Context) && IsTransient(args.Outcome)),
        };
        var breaker = new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = $"{cluster}-breaker",
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(10),
            BreakDuration = BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(retry)
            .AddCircuitBreaker(breaker)
            .Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException
        || outcome.Result?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool IsRead(ResilienceContext context) =>
        context.GetRequestMessage()?.Method is { } method && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options);
}
