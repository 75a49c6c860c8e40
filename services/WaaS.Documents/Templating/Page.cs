namespace WaaS.Documents.Templating;

/// <summary>The frame of every document: A4, the distributor's letterhead, the addressee, and the legal footer.</summary>
public static class Page
{
    public static Html Render(Locale l, LegalDetails d, string title, Html addressee, Html body) => Html.Of($$"""
        <!DOCTYPE html>
        <html lang="{{l.Code}}"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>
        @page{size:A4;margin:18mm 16mm 28mm 16mm}
        body{font-family:"DejaVu Sans",sans-serif;font-size:10pt;color:#222;margin:0}
        header{display:flex;justify-content:space-between;border-bottom:2px solid #1d4e89;padding-bottom:6px;margin-bottom:14px}
        header .from{font-size:8pt;color:#555;text-align:right}
        h1{font-size:15pt;color:#1d4e89;margin:14px 0 6px}h2{font-size:11.5pt;margin:14px 0 4px}
        table{border-collapse:collapse;width:100%;margin:4px 0}td,th{border-bottom:1px solid #ccc;padding:3px 4px;text-align:left;vertical-align:top}
        .n{text-align:right;white-space:nowrap}.addressee{margin:10px 0 16px}.terms li{margin-bottom:4px}
        footer{margin-top:22px;border-top:1px solid #999;padding-top:6px;font-size:7.5pt;color:#555}
        .sign{display:flex;gap:40px;margin-top:26px}.sign div{flex:1;border-top:1px solid #222;padding-top:4px}
        </style></head><body>
        <header><strong>{{d.CompanyName}}</strong><span class="from">{{d.Street}} · {{d.PostalCode}} {{d.City}} · {{d.Country}}<br>{{d.Email}} · {{d.Phone}}</span></header>
        <div class="addressee">{{addressee}}</div>
        {{body}}
        <footer>{{d.CompanyName}} · {{d.Street}}, {{d.PostalCode}} {{d.City}}, {{d.Country}} ·
        {{l.Pick("Managing directors", "Geschäftsführung", "Directie")}}: {{d.ManagingDirectors}} ·
        {{l.Pick("Register", "Registergericht", "Handelsregister")}}: {{d.RegisterCourt}} {{d.RegisterNumber}} ·
        {{l.Pick("VAT id", "USt-IdNr.", "Btw-id")}}: {{d.VatId}} · IBAN {{d.Iban}} · BIC {{d.Bic}} ·
        {{l.Pick("SEPA creditor id", "Gläubiger-ID", "Incassant-ID")}}: {{d.SepaCreditorId}}</footer>
        </body></html>
        """);

    /// <summary>The customer block: company, VAT id, contact and billing e-mail.</summary>
    public static Html Customer(Locale l, WaaS.Contracts.Customer c) => Html.Of($"""
        <strong>{c.CompanyName}</strong><br>{c.Country}{Html.If(c.VatId is not null, () => Html.Of($" · {l.Pick("VAT id", "USt-IdNr.", "Btw-id")} {c.VatId}"))}<br>
        {Html.If(c.BillingContactName is not null, () => Html.Of($"{c.BillingContactName} · "))}{c.BillingEmail}
        """);
}
