using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WaaS.Credit.Bureau;
using Xunit;

namespace WaaS.Credit.Tests.Bureau;

/// <summary>The development adapter answers deterministically; the resilient caller turns a slow or failing bureau into "no report".</summary>
public sealed class DevelopmentCreditBureauTests
{
    [Fact]
    public void The_score_is_the_VAT_ids_last_two_digits_and_the_limit_3000_EUR_per_point()
    {
        var report = DevelopmentCreditBureau.Report(new BureauQuery("Muster GmbH", "DE", "DE123456789"));

        report.Should().Be(new BureauReport(89, 267_000m, false, "DEV-DE123456789"));
    }

    [Fact]
    public void Without_VAT_id_the_score_is_stable_for_the_same_name_and_country()
    {
        var first = DevelopmentCreditBureau.Report(new BureauQuery("Bäckerei Klein", "DE", null));
        var again = DevelopmentCreditBureau.Report(new BureauQuery(" bäckerei  KLEIN ", "de", null));

        again.Score.Should().Be(first.Score);
        first.Score.Should().BeInRange(0, 99);
    }

    [Fact]
    public void A_company_named_insolvent_is_insolvent()
    {
        DevelopmentCreditBureau.Report(new BureauQuery("Insolvent Handel GmbH", "DE", "DE123456799")).Insolvent.Should().BeTrue();
    }

    [Fact]
    public async Task A_bureau_slower_than_the_timeout_gives_no_report_after_its_retries_within_bounded_time()
    {
        var slow = new DevelopmentCreditBureau(Options.Create(new DevelopmentBureauOptions { SlowCompanies = ["Langsam"], SlowDelay = TimeSpan.FromSeconds(30) }));
        var bureau = new CreditBureau(slow, Options.Create(new BureauOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(100), Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(10),
        }), NullLogger<CreditBureau>.Instance);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var answer = await bureau.AskAsync(new BureauQuery("Langsam AG", "DE", "DE123456780"), CancellationToken.None);

        answer.Report.Should().BeNull();
        answer.Unavailable.Should().Be("the bureau did not answer in time");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_failing_bureau_opens_the_circuit_and_further_calls_fail_at_once()
    {
        var bureau = new CreditBureau(new FailingBureau(), Options.Create(new BureauOptions { Retries = 0, BreakAfterCalls = 2, BreakDuration = TimeSpan.FromMinutes(1) }),
            NullLogger<CreditBureau>.Instance);
        var query = new BureauQuery("Muster GmbH", "DE", "DE123456789");

        (await bureau.AskAsync(query, CancellationToken.None)).Unavailable.Should().StartWith("the bureau failed");
        (await bureau.AskAsync(query, CancellationToken.None)).Unavailable.Should().StartWith("the bureau failed");
        var broken = await bureau.AskAsync(query, CancellationToken.None);

        broken.Unavailable.Should().Be("the bureau is failing; calls are paused");
    }

    private sealed class FailingBureau : ICreditBureau
    {
        public Task<BureauReport> ReportAsync(BureauQuery query, CancellationToken ct) => throw new HttpRequestException("503 Service Unavailable");
    }
}
