using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace WaaS.Credit.Bureau;

/// <summary>Resilience of the bureau call (section <c>Credit:Bureau</c>).</summary>
public sealed class BureauOptions
{
    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Further attempts after a failed or timed-out one.</summary>
    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The circuit opens when at least half of at least this many calls within 30 s failed ...</summary>
    public int BreakAfterCalls { get; set; } = 10;

    /// <summary>... and stays open this long: calls then fail at once (and go to manual review).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>What the bureau answered, or why it did not: no answer is never an approval.</summary>
public sealed record BureauAnswer(BureauReport? Report, string Source, string? Unavailable)
{
    public static BureauAnswer From(BureauReport report) => new(report, "bureau", null);

    /// <summary>A report the customer's standing still holds, reused without asking the bureau (a light re-check).</summary>
    public static BureauAnswer Stored(BureauReport report, DateTimeOffset reportedAt) => new(report, $"stored report of {reportedAt:yyyy-MM-dd}", null);

    public static BureauAnswer None(string why) => new(null, "bureau", why);
}

/// <summary>
/// Asks the bureau adapter (<see cref="ICreditBureau"/>) through a Polly pipeline: a timeout per attempt, retries with
/// a short backoff, and a circuit breaker; all on the wall clock (the business clock may stand still in tests). Never
/// throws for the bureau's sake: a bureau that cannot answer in time gives <see cref="BureauAnswer.None"/>.
/// </summary>
public sealed class CreditBureau
{
    private readonly ICreditBureau _adapter;
    private readonly ResiliencePipeline<BureauReport> _pipeline;
    private readonly ILogger<CreditBureau> _logger;

    public CreditBureau(ICreditBureau adapter, IOptions<BureauOptions> options, ILogger<CreditBureau> logger)
    {
        _adapter = adapter;
        _logger = logger;
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<BureauReport> { TimeProvider = TimeProvider.System }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<BureauReport>
            {
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, o.BreakAfterCalls),
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = o.BreakDuration,
            });
        if (o.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<BureauReport>
            {
                MaxRetryAttempts = o.Retries,
                Delay = o.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder<BureauReport>().Handle<Exception>(e => e is not OperationCanceledException),
            });
        }
        _pipeline = builder.AddTimeout(o.AttemptTimeout).Build();
    }

    public async Task<BureauAnswer> AskAsync(BureauQuery query, CancellationToken ct)
    {
        try
        {
            return BureauAnswer.From(await _pipeline.ExecuteAsync(async token => await _adapter.ReportAsync(query, token), ct));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var why = e switch
            {
                TimeoutRejectedException => "the bureau did not answer in time",
                BrokenCircuitException => "the bureau is failing; calls are paused",
                _ => $"the bureau failed: {e.Message}",
            };
            _logger.LogWarning(e, "Credit bureau gave no report for {Company} ({Country}): {Why}", query.CompanyName, query.Country, why);
            return BureauAnswer.None(why);
        }
    }
}
