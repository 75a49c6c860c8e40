using System.Globalization;
using System.Net;
using System.Text;

namespace WaaS.Quoting.Quotes.Document;

/// <summary>A printable HTML rendering (A4, no scripts); every value from the request is HTML-encoded.</summary>
public static class QuoteDocumentHtml
{
    private static readonly CultureInfo Euro = CultureInfo.InvariantCulture;

    public static string Render(QuoteDocument d)
    {
        var html = new StringBuilder();
        var vatId = d.Customer.VatId is null ? "" : ", VAT id " + E(d.Customer.VatId);
        var contact = E(d.Customer.BillingContactName ?? "");
        html.Append(Euro, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Quote {{E(d.Reference)}}</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #ccc;padding:4px;text-align:left}.n{text-align:right}
            @media print{@page{size:A4;margin:15mm}body{margin:0} }</style></head><body>
            <h1>Workplace-as-a-Service quote {{E(d.Reference)}}</h1>
            <p>For <strong>{{E(d.Customer.CompanyName)}}</strong> ({{E(d.Customer.Country)}}{{vatId}})<br>
            Billing contact: {{contact}} {{E(d.Customer.BillingEmail)}}</p>
            <p>Term: {{d.TermMonths}} months &middot; Issued {{d.IssuedAt:yyyy-MM-dd}} &middot; Valid until {{d.ValidUntil:yyyy-MM-dd}}
            &middot; Price list version {{d.PriceListVersion}} &middot; Status {{d.Status}}</p>
            <h2>Rental (billed monthly by the distributor)</h2>
            """);
        Table(html, d.RentalLines);
        html.Append(Euro, $$"""
            <table><tr><td>Monthly net</td><td class="n">{{M(d.Monthly.Net)}}</td></tr>
            <tr><td>VAT {{d.VatRate * 100:0.#}} %</td><td class="n">{{M(d.Monthly.Vat)}}</td></tr>
            <tr><th>Monthly gross</th><th class="n">{{M(d.Monthly.Gross)}}</th></tr>
            <tr><td>Total contract value ({{d.TermMonths}} months, net / gross)</td><td class="n">{{M(d.TotalContractValue)}} / {{M(d.TotalContractValueGross)}}</td></tr></table>
            """);
        if (d.ResellerServices.Count > 0)
        {
            html.Append("<h2>Services of your reseller (billed by the reseller, not part of the rental contract)</h2>");
            Table(html, d.ResellerServices);
            html.Append(Euro, $"<p>Monthly net, billed by your reseller: {M(d.ResellerServicesMonthly)}</p>");
        }
        html.Append("<p>Prices are fixed for the whole term. The devices remain the property of the distributor and are returned at the end of the term.</p></body></html>");
        return html.ToString();
    }

    private static void Table(StringBuilder html, IReadOnlyList<DocumentLine> lines)
    {
        html.Append("<table><tr><th>Item</th><th>Vendor</th><th class=\"n\">Qty</th><th class=\"n\">Unit / month</th><th class=\"n\">Month</th></tr>");
        foreach (var l in lines)
        {
            html.Append(Euro, $"<tr><td>{E(l.Description)}</td><td>{E(l.Vendor)}</td><td class=\"n\">{l.Quantity}</td><td class=\"n\">{M(l.UnitMonthlyPrice)}</td><td class=\"n\">{M(l.MonthlyTotal)}</td></tr>");
        }
        html.Append("</table>");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string M(decimal amount) => amount.ToString("#,##0.00 'EUR'", Euro);
}
