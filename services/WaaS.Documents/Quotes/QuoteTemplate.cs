using WaaS.Contracts;
using WaaS.Documents.Templating;

namespace WaaS.Documents.Quotes;

/// <summary>
/// What the customer's quote shows. Lines billed by the reseller are listed apart, as not part of the rental; the
/// reseller's commission never appears.
/// </summary>
public sealed record QuoteModel(
    string Reference,
    int Revision,
    DateTimeOffset IssuedAt,
    DateOnly ValidUntil,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal VatRate,
    decimal TotalContractValue,
    decimal TotalContractValueGross);

/// <summary>The quote document in the customer's language.</summary>
public static class QuoteTemplate
{
    public static string FileName(QuoteModel q) => $"quote-{q.Reference}.pdf";

    public static string Title(Locale l, QuoteModel q) => l.Pick("Quote", "Angebot", "Offerte") + " " + q.Reference;

    public static Html Render(Locale l, LegalDetails d, QuoteModel q)
    {
        var rental = q.Lines.Where(x => !x.BilledByReseller).ToList();
        var reseller = q.Lines.Where(x => x.BilledByReseller).ToList();
        var body = Html.Of($"""
            <h1>{Title(l, q)}</h1>
            <table>
            <tr><td>{l.Pick("Date", "Datum", "Datum")}</td><td>{l.Date(q.IssuedAt)}</td><td>{l.Pick("Valid until", "Gültig bis", "Geldig tot")}</td><td>{l.Date(q.ValidUntil)}</td></tr>
            <tr><td>{l.Pick("Term", "Laufzeit", "Looptijd")}</td><td>{q.TermMonths} {Months(l)}</td><td>{l.Pick("Revision", "Version", "Versie")}</td><td>{q.Revision}</td></tr>
            </table>
            <h2>{l.Pick("Rental, billed monthly by", "Miete, monatlich abgerechnet von", "Huur, maandelijks gefactureerd door")} {d.CompanyName}</h2>
            {Lines.Render(l, rental)}
            <table>
            <tr><td>{l.Pick("Monthly net", "Monatlich netto", "Per maand excl. btw")}</td><td class="n">{l.Money(q.Monthly.Net)}</td></tr>
            <tr><td>{l.Pick("VAT", "USt.", "Btw")} {l.Number(q.VatRate * 100)} %</td><td class="n">{l.Money(q.Monthly.Vat)}</td></tr>
            <tr><th>{l.Pick("Monthly gross", "Monatlich brutto", "Per maand incl. btw")}</th><th class="n">{l.Money(q.Monthly.Gross)}</th></tr>
            <tr><td>{l.Pick("Total contract value", "Gesamtvertragswert", "Totale contractwaarde")} ({q.TermMonths} {Months(l)}, {l.Pick("net / gross", "netto / brutto", "excl. / incl. btw")})</td>
                <td class="n">{l.Money(q.TotalContractValue)} / {l.Money(q.TotalContractValueGross)}</td></tr>
            </table>
            {Html.If(reseller.Count > 0, () => Html.Of($"""
                <h2>{l.Pick("Services of your reseller (billed by the reseller, not part of the rental contract)",
                    "Leistungen Ihres Fachhändlers (vom Fachhändler berechnet, nicht Teil des Mietvertrags)",
                    "Diensten van uw reseller (gefactureerd door de reseller, geen deel van het huurcontract)")}</h2>
                {Lines.Render(l, reseller)}
                """))}
            <p>{l.Pick(
                "Prices are fixed for the whole term. The devices remain the property of the distributor and are returned at the end of the term; there is no purchase option.",
                "Die Preise gelten fest für die gesamte Laufzeit. Die Geräte bleiben Eigentum des Distributors und werden am Ende der Laufzeit zurückgegeben; eine Kaufoption besteht nicht.",
                "De prijzen staan vast voor de hele looptijd. De apparaten blijven eigendom van de distributeur en worden aan het einde van de looptijd teruggegeven; er is geen koopoptie.")}</p>
            """);
        return Page.Render(l, d, Title(l, q), Page.Customer(l, q.Customer), body);
    }

    internal static string Months(Locale l) => l.Pick("months", "Monate", "maanden");
}

/// <summary>The item table shared by quote and contract.</summary>
public static class Lines
{
    public static Html Render(Locale l, IReadOnlyList<DealLine> lines) => Html.Of($"""
        <table><tr><th>{l.Pick("Item", "Artikel", "Artikel")}</th><th>{l.Pick("Vendor", "Hersteller", "Fabrikant")}</th>
        <th class="n">{l.Pick("Qty", "Menge", "Aantal")}</th><th class="n">{l.Pick("Unit / month", "Einzeln / Monat", "Per stuk / maand")}</th>
        <th class="n">{l.Pick("Month", "Monat", "Maand")}</th></tr>
        {Html.Join(lines, x => Html.Of($"""<tr><td>{x.Description} ({x.Sku})</td><td>{x.Vendor}</td><td class="n">{x.Quantity}</td><td class="n">{l.Money(x.MonthlyPrice)}</td><td class="n">{l.Money(x.MonthlyPrice * x.Quantity)}</td></tr>"""))}
        </table>
        """);
}
