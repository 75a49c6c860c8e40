using System.Text.RegularExpressions;

namespace WaaS.Contracts;

/// <summary>
/// The countries the distributor rents in (one local distributor entity each, so domestic VAT), with the VAT rate and the
/// VAT-id rule. Belgium, the Netherlands and Austria require the customer's VAT id on a B2B rental invoice; in Germany a
/// business without a USt-IdNr (e.g. a Kleinunternehmer) may rent, so the id is optional there, but when given it must
/// have the country's format. Quoting (SupportedCountry, VatIdRequiredInCountry, VatIdFormat) and credit (CountryAllowed,
/// VatIdRequiredInCountry, VatIdFormat) both read this one definition, so whatever quoting accepts credit can decide.
/// </summary>
public static partial class RentalCountries
{
    public sealed record CountryRules(string Code, decimal VatRate, bool VatIdRequired, Regex VatIdFormat);

    public static readonly IReadOnlyDictionary<string, CountryRules> All = new Dictionary<string, CountryRules>(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = new("DE", 0.19m, false, GermanVatId()),
        ["NL"] = new("NL", 0.21m, true, DutchVatId()),
        ["AT"] = new("AT", 0.20m, true, AustrianVatId()),
        ["BE"] = new("BE", 0.21m, true, BelgianVatId()),
    };

    public static CountryRules Of(string code) => All[code];

    [GeneratedRegex("^DE[0-9]{9}$")]
    private static partial Regex GermanVatId();

    [GeneratedRegex("^NL[0-9]{9}B[0-9]{2}$")]
    private static partial Regex DutchVatId();

    [GeneratedRegex("^ATU[0-9]{8}$")]
    private static partial Regex AustrianVatId();

    [GeneratedRegex("^BE[01][0-9]{9}$")]
    private static partial Regex BelgianVatId();
}
