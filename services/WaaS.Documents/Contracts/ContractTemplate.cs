using WaaS.Contracts;
using WaaS.Documents.Quotes;
using WaaS.Documents.Templating;

namespace WaaS.Documents.Contracts;

/// <summary>When both parties signed, and who when known (absent on the copy sent for signature).</summary>
public sealed record Signatures(DateTimeOffset SignedAt, string? CustomerSignedBy = null, string? DistributorSignedBy = null);

/// <summary>The rental contract the customer signs, with the terms of DOMAIN.md and the SEPA B2B mandate.</summary>
public sealed record ContractModel(
    Guid ContractId,
    DateTimeOffset CreatedAt,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    Signatures? Signed = null)
{
    /// <summary>Also the SEPA mandate reference.</summary>
    public string Reference => $"C-{ContractId.ToString("N")[..8].ToUpperInvariant()}";

    public decimal VatRate => Monthly.Net == 0 ? 0 : Math.Round(Monthly.Vat / Monthly.Net, 3);
}

public static class ContractTemplate
{
    public static string FileName(ContractModel c) => $"contract-{c.Reference}{(c.Signed is null ? "-for-signature" : "")}.pdf";

    public static string Title(Locale l, ContractModel c) => l.Pick("Rental contract", "Mietvertrag", "Huurcontract") + " " + c.Reference;

    public static Html Render(Locale l, LegalDetails d, ContractModel c)
    {
        var rental = c.Lines.Where(x => !x.BilledByReseller).ToList();
        var body = Html.Of($"""
            <h1>{Title(l, c)}</h1>
            <p>{l.Pick("between", "zwischen", "tussen")} <strong>{d.CompanyName}</strong> ({l.Pick("lessor", "Vermieter", "verhuurder")})
            {l.Pick("and", "und", "en")} <strong>{c.Customer.CompanyName}</strong> ({l.Pick("lessee", "Mieter", "huurder")}) ·
            {l.Pick("Date", "Datum", "Datum")} {l.Date(c.CreatedAt)}</p>
            <h2>1. {l.Pick("Subject", "Mietgegenstand", "Huurobject")}</h2>
            {Lines.Render(l, rental)}
            <table>
            <tr><td>{l.Pick("Monthly rate net", "Monatliche Rate netto", "Maandtermijn excl. btw")}</td><td class="n">{l.Money(c.Monthly.Net)}</td></tr>
            <tr><td>{l.Pick("VAT", "USt.", "Btw")} {l.Number(c.VatRate * 100)} %</td><td class="n">{l.Money(c.Monthly.Vat)}</td></tr>
            <tr><th>{l.Pick("Monthly rate gross", "Monatliche Rate brutto", "Maandtermijn incl. btw")}</th><th class="n">{l.Money(c.Monthly.Gross)}</th></tr>
            <tr><td>{l.Pick("Total contract value net", "Gesamtvertragswert netto", "Totale contractwaarde excl. btw")}</td><td class="n">{l.Money(c.Monthly.Net * c.TermMonths)}</td></tr>
            </table>
            <h2>2. {l.Pick("Terms", "Bedingungen", "Voorwaarden")}</h2>
            <ol class="terms">
            <li>{l.Pick(
                $"Term: {c.TermMonths} months from delivery of the devices. The contract ends at the end of the term without notice; it does not renew automatically.",
                $"Laufzeit: {c.TermMonths} Monate ab Lieferung der Geräte. Der Vertrag endet mit Ablauf der Laufzeit ohne Kündigung; er verlängert sich nicht automatisch.",
                $"Looptijd: {c.TermMonths} maanden vanaf levering van de apparaten. Het contract eindigt aan het einde van de looptijd zonder opzegging; het wordt niet automatisch verlengd.")}</li>
            <li>{l.Pick(
                "Prices are fixed for the whole term by the distributor's price list.",
                "Die Preise sind für die gesamte Laufzeit durch die Preisliste des Distributors festgelegt.",
                "De prijzen liggen voor de hele looptijd vast volgens de prijslijst van de distributeur.")}</li>
            <li>{l.Pick(
                "No purchase: the devices remain the property of the lessor; the lessee can never buy them.",
                "Kein Kauf: Die Geräte bleiben Eigentum des Vermieters; der Mieter kann sie zu keinem Zeitpunkt erwerben.",
                "Geen koop: de apparaten blijven eigendom van de verhuurder; de huurder kan ze nooit kopen.")}</li>
            <li>{l.Pick(
                "Early termination is possible; the termination fee is the sum of all monthly rates not yet invoiced (the full contract value).",
                "Eine vorzeitige Beendigung ist möglich; die Ablösegebühr ist die Summe aller noch nicht berechneten Monatsraten (der volle Vertragswert).",
                "Voortijdige beëindiging is mogelijk; de beëindigingsvergoeding is de som van alle nog niet gefactureerde maandtermijnen (de volledige contractwaarde).")}</li>
            <li>{l.Pick(
                $"Return: within {ReturnTerms.WindowDays} days after the last day of the contract the lessee returns every device, by its own shipment (at its own transport risk), through its reseller, or by a paid secure pick-up. Every data carrier is wiped by a certified (BSI-compliant) method and a wipe certificate is issued per device. A device not returned in time is charged as an open item.",
                $"Rückgabe: Innerhalb von {ReturnTerms.WindowDays} Tagen nach dem letzten Vertragstag gibt der Mieter alle Geräte zurück, per eigenem Versand (auf eigenes Transportrisiko), über seinen Fachhändler oder per kostenpflichtiger sicherer Abholung. Jeder Datenträger wird zertifiziert (BSI-konform) gelöscht; je Gerät wird ein Löschzertifikat ausgestellt. Ein nicht fristgerecht zurückgegebenes Gerät wird als offener Posten berechnet.",
                $"Retour: binnen {ReturnTerms.WindowDays} dagen na de laatste contractdag stuurt de huurder alle apparaten terug, zelf (op eigen transportrisico), via zijn reseller of met een betaalde beveiligde ophaling. Elke gegevensdrager wordt gecertificeerd (BSI-conform) gewist; per apparaat wordt een wiscertificaat afgegeven. Een niet tijdig teruggestuurd apparaat wordt als openstaande post in rekening gebracht.")}</li>
            <li>{l.Pick(
                "Extension: a 12- or 24-month contract may be extended in steps of 3 months at the original conditions, never beyond 36 months in total nor beyond the manufacturer's warranty.",
                "Verlängerung: Ein Vertrag über 12 oder 24 Monate kann in Schritten von 3 Monaten zu den ursprünglichen Konditionen verlängert werden, nie über insgesamt 36 Monate oder die Herstellergarantie hinaus.",
                "Verlenging: een contract van 12 of 24 maanden kan in stappen van 3 maanden tegen de oorspronkelijke voorwaarden worden verlengd, nooit langer dan 36 maanden in totaal of dan de fabrieksgarantie.")}</li>
            </ol>
            <h2>3. {l.Pick("SEPA business-to-business direct debit mandate", "SEPA-Firmenlastschrift-Mandat", "SEPA-incassomachtiging voor bedrijven (B2B)")}</h2>
            <p>{l.Pick("Creditor", "Zahlungsempfänger", "Incassant")}: {d.CompanyName}, {d.Street}, {d.PostalCode} {d.City} ·
            {l.Pick("Creditor identifier", "Gläubiger-Identifikationsnummer", "Incassant-ID")}: {d.SepaCreditorId} ·
            {l.Pick("Mandate reference", "Mandatsreferenz", "Machtigingskenmerk")}: {c.Reference}</p>
            <p>{l.Pick(
                $"The lessee authorises {d.CompanyName} to collect the payments under this contract from its account by direct debit, and instructs its bank to pay these debits. This mandate is for business-to-business payments only: after a debit the lessee has no right to a refund, but it may instruct its bank not to pay a debit until the day it falls due. The lessee's bank must confirm this mandate before the first debit.",
                $"Der Mieter ermächtigt {d.CompanyName}, die Zahlungen aus diesem Vertrag von seinem Konto mittels Lastschrift einzuziehen, und weist sein Kreditinstitut an, diese Lastschriften einzulösen. Dieses Mandat gilt nur für Zahlungen zwischen Unternehmen: Nach der Belastung besteht kein Anspruch auf Erstattung, der Mieter kann sein Kreditinstitut jedoch bis zum Fälligkeitstag anweisen, die Lastschrift nicht einzulösen. Das Kreditinstitut des Mieters muss das Mandat vor der ersten Belastung bestätigen.",
                $"De huurder machtigt {d.CompanyName} om de betalingen uit dit contract via incasso van zijn rekening af te schrijven en geeft zijn bank opdracht deze incasso's uit te voeren. Deze machtiging geldt alleen voor betalingen tussen bedrijven: na afschrijving is er geen recht op terugboeking, maar de huurder kan zijn bank tot de vervaldag opdracht geven een incasso niet uit te voeren. De bank van de huurder moet de machtiging vóór de eerste afschrijving bevestigen.")}</p>
            <p>{l.Pick("Debtor", "Zahlungspflichtiger", "Debiteur")}: {c.Customer.CompanyName}{Html.If(c.Customer.VatId is not null, () => Html.Of($" · {c.Customer.VatId}"))} · IBAN: ______________________ · BIC: ___________</p>
            {Signing(l, d, c)}
            """);
        return Page.Render(l, d, Title(l, c), Page.Customer(l, c.Customer), body);
    }

    private static Html Signing(Locale l, LegalDetails d, ContractModel c) => c.Signed is { } s
        ? Html.Of($"""
            <div class="sign"><div>{l.Pick("Signed for the lessee", "Unterzeichnet für den Mieter", "Ondertekend voor de huurder")}: {s.CustomerSignedBy ?? c.Customer.CompanyName}</div>
            <div>{l.Pick("Signed for the lessor", "Unterzeichnet für den Vermieter", "Ondertekend voor de verhuurder")}: {s.DistributorSignedBy ?? d.CompanyName}</div></div>
            <p>{l.Pick("Signed on", "Unterzeichnet am", "Ondertekend op")} {l.Date(s.SignedAt)}</p>
            """)
        : Html.Of($"""
            <div class="sign"><div>{l.Pick("Place, date, signature of the lessee", "Ort, Datum, Unterschrift Mieter", "Plaats, datum, handtekening huurder")}</div>
            <div>{l.Pick("Place, date, signature of the lessor", "Ort, Datum, Unterschrift Vermieter", "Plaats, datum, handtekening verhuurder")} ({d.CompanyName})</div></div>
            """);
}
