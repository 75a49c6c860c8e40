namespace WaaS.Credit.Bureau;

/// <summary>Whom to report on: the bureau finds a business by its VAT id, else by name and country.</summary>
public sealed record BureauQuery(string CompanyName, string Country, string? VatId);

/// <summary>
/// A business credit report: <see cref="Score"/> 0 (worst) to 100 (best), the credit limit the bureau recommends
/// (net EUR), whether insolvency proceedings are known, and the bureau's reference for the report.
/// </summary>
public sealed record BureauReport(int Score, decimal LimitRecommendation, bool Insolvent, string Reference);

/// <summary>
/// The outbound port to a credit bureau. An adapter answers or throws; the caller (<see cref="CreditBureau"/>) bounds
/// it in time, retries and breaks the circuit, so an adapter does neither.
/// </summary>
public interface ICreditBureau
{
    Task<BureauReport> ReportAsync(BureauQuery query, CancellationToken ct);
}
