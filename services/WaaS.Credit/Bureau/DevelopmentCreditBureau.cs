using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WaaS.Credit.Bureau;

/// <summary>Configuration of the development bureau (section <c>Credit:Bureau:Development</c>).</summary>
public sealed class DevelopmentBureauOptions
{
    /// <summary>Companies whose name contains one of these answer only after <see cref="SlowDelay"/> (to try timeouts).</summary>
    public List<string> SlowCompanies { get; set; } = [];

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A bureau for development and tests that answers deterministically, without any outside call:
/// the score is the last two digits of the VAT id (DE123456789 → 89), or without a VAT id a stable hash of country
/// and normalised name (0–99); the limit recommendation is 3,000 EUR per score point; a company whose name contains
/// "insolvent" is insolvent (score 0). Configured slow companies answer late, so the timeout path can be tried.
/// </summary>
public sealed class DevelopmentCreditBureau(IOptions<DevelopmentBureauOptions> options) : ICreditBureau
{
    public const decimal LimitPerScorePoint = 3_000m;

    public async Task<BureauReport> ReportAsync(BureauQuery query, CancellationToken ct)
    {
        if (options.Value.SlowCompanies.Any(s => query.CompanyName.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            await Task.Delay(options.Value.SlowDelay, ct);
        }
        return Report(query);
    }

    public static BureauReport Report(BureauQuery query)
    {
        if (query.CompanyName.Contains("insolvent", StringComparison.OrdinalIgnoreCase))
        {
            return new BureauReport(0, 0m, true, Reference(query));
        }
        var score = Score(query);
        return new BureauReport(score, score * LimitPerScorePoint, false, Reference(query));
    }

    public static int Score(BureauQuery query)
    {
        var vat = query.VatId?.Replace(" ", "", StringComparison.Ordinal);
        if (vat is { Length: >= 2 } && char.IsDigit(vat[^1]) && char.IsDigit(vat[^2]))
        {
            return int.Parse(vat[^2..], System.Globalization.CultureInfo.InvariantCulture);
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{query.Country.ToUpperInvariant()}:{Customers.CustomerKey.NormalisedName(query.CompanyName)}"));
        return hash[0] % 100;
    }

    private static string Reference(BureauQuery query) => $"DEV-{(query.VatId ?? query.Country + "-" + Customers.CustomerKey.NormalisedName(query.CompanyName)).ToUpperInvariant()}";
}
