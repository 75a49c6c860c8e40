namespace WaaS.Documents;

/// <summary>
/// The distributor's legal details that every business document must carry (for a German GmbH: §35a GmbHG, §14 UStG;
/// the SEPA creditor identifier for the mandate). From configuration section <see cref="Section"/>; only Development
/// ships sample values, elsewhere a missing field stops the service at start (<see cref="Missing"/>).
/// </summary>
public sealed class LegalDetails
{
    public const string Section = "Distributor";

    public string CompanyName { get; set; } = "";
    public string Street { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string Country { get; set; } = "";
    public string RegisterCourt { get; set; } = "";
    public string RegisterNumber { get; set; } = "";
    public string ManagingDirectors { get; set; } = "";
    public string VatId { get; set; } = "";
    public string Iban { get; set; } = "";
    public string Bic { get; set; } = "";
    public string SepaCreditorId { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>The names of the mandatory fields that are empty.</summary>
    public IReadOnlyList<string> Missing() =>
    [
        .. new (string Name, string Value)[]
        {
            (nameof(CompanyName), CompanyName), (nameof(Street), Street), (nameof(PostalCode), PostalCode), (nameof(City), City),
            (nameof(Country), Country), (nameof(RegisterCourt), RegisterCourt), (nameof(RegisterNumber), RegisterNumber),
            (nameof(ManagingDirectors), ManagingDirectors), (nameof(VatId), VatId), (nameof(Iban), Iban), (nameof(Bic), Bic),
            (nameof(SepaCreditorId), SepaCreditorId), (nameof(Email), Email),
        }.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{Section}:{f.Name}"),
    ];
}
