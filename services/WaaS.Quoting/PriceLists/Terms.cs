namespace WaaS.Quoting.PriceLists;

/// <summary>Rental terms the distributor offers; no other term is valid.</summary>
public static class Terms
{
    public static readonly IReadOnlyList<int> All = [12, 24, 36];

    public const string Rule = "TermIs12Or24Or36Months";

    public const string Message = "The term must be 12, 24 or 36 months.";

    public static bool IsValid(int months) => All.Contains(months);
}
