using FluentAssertions;
using WaaS.Documents.Contracts;
using WaaS.Documents.Quotes;
using WaaS.Documents.Templating;
using Xunit;

namespace WaaS.Documents.Tests;

public sealed class TemplateTests
{
    public static TheoryData<string, string, string, string> Languages => new()
    {
        // country, lang, an amount, a date
        { "DE", "de", "1.234,50 €", "01.04.2026" },
        { "NL", "nl", "€ 1.234,50", "01-04-2026" },
        { "FR", "en", "€1,234.50", "01/04/2026" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_quote_formats_amounts_and_dates_for_the_customers_language(string country, string lang, string amount, string date)
    {
        var locale = Locale.ForCountry(country);
        var html = QuoteTemplate.Render(locale, Samples.Distributor, Samples.Quote(country)).Value;

        html.Should().Contain($"<html lang=\"{lang}\">").And.Contain(amount).And.Contain(date);
        html.Should().Contain(locale.Money(107485.56m), "the gross contract value is shown");
        html.Should().NotContain("100.00").And.NotContain("100,00", "the reseller's commission never reaches the customer");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_document_carries_the_distributors_mandatory_legal_details(string country, string lang, string amount, string date)
    {
        _ = (lang, amount, date);
        var l = Locale.ForCountry(country);
        foreach (var html in new[]
        {
            QuoteTemplate.Render(l, Samples.Distributor, Samples.Quote(country)).Value,
            ContractTemplate.Render(l, Samples.Distributor, Samples.Contract(country)).Value,
        })
        {
            var d = Samples.Distributor;
            foreach (var field in new[] { d.CompanyName, d.RegisterCourt, d.RegisterNumber, d.ManagingDirectors, d.VatId, d.Iban, d.Bic, d.SepaCreditorId })
            {
                html.Should().Contain(field);
            }
        }
    }

    [Theory]
    [InlineData("DE", "Kein Kauf", "Ablösegebühr", "Rückgabe", "SEPA-Firmenlastschrift-Mandat", "nicht automatisch")]
    [InlineData("NL", "Geen koop", "beëindigingsvergoeding", "Retour", "SEPA-incassomachtiging voor bedrijven", "niet automatisch")]
    [InlineData("GB", "No purchase", "termination fee", "Return", "SEPA business-to-business direct debit mandate", "does not renew")]
    public void The_contract_holds_the_terms_the_customer_signs(string country, params string[] terms)
    {
        var html = ContractTemplate.Render(Locale.ForCountry(country), Samples.Distributor, Samples.Contract(country)).Value;

        html.Should().ContainAll(terms);
        html.Should().Contain("24").And.Contain("C-ABCDEF12", "the term and the mandate reference are named");
        html.Should().Contain("DE98ZZZ09999999999", "the creditor identifier is part of the mandate");
    }

    [Fact]
    public void Values_from_requests_are_encoded_never_markup()
    {
        var html = QuoteTemplate.Render(Locale.German, Samples.Distributor, Samples.Quote("DE")).Value;

        html.Should().Contain("Muster &amp; Söhne &lt;GmbH&gt;").And.NotContain("<GmbH>");
    }

    [Fact]
    public void A_signed_contract_names_who_signed_and_when()
    {
        var signed = Samples.Contract("DE", new Signatures(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero), "Erika Muster", "WaaS Operations"));

        var html = ContractTemplate.Render(Locale.German, Samples.Distributor, signed).Value;

        html.Should().Contain("Erika Muster").And.Contain("WaaS Operations").And.Contain("06.03.2026");
        ContractTemplate.FileName(signed).Should().Be("contract-C-ABCDEF12.pdf");
    }

    [Fact]
    public void Incomplete_legal_details_are_named()
    {
        new LegalDetails { CompanyName = "X" }.Missing().Should().Contain(["Distributor:VatId", "Distributor:SepaCreditorId"])
            .And.NotContain("Distributor:CompanyName");
    }
}
