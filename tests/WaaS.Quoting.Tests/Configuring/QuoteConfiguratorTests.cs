using FluentAssertions;
using WaaS.Contracts;
using WaaS.Quoting.Quotes.Configuring;
using Xunit;
using QuotePricing = WaaS.Quoting.Quotes.Pricing;

namespace WaaS.Quoting.Tests.Configuring;

public sealed class QuoteConfiguratorTests
{
    private static readonly Customer Dutch = new("Voorbeeld B.V.", "NL", "NL123456789B01", "ap@voorbeeld.example", "Anna de Vries");

    private static QuoteRequest Request(
        int term = 36, Customer? customer = null, BundleRequest[]? bundles = null, QuoteLineRequest[]? lines = null, ResellerServiceRequest[]? services = null) =>
        new(customer ?? Dutch, term, bundles, lines, services, null);

    private static IReadOnlyList<(string Field, string Rule)> Errors(QuoteRequest request, params string[] withdrawn) =>
        [.. QuoteConfigurator.Configure(request, TestCatalogue.Seed(withdrawn)).Validation.Errors.Select(e => (e.Field, e.Rule))];

    [Fact]
    public void Ten_seats_with_an_upgrade_an_option_and_monitors_price_to_the_cent()
    {
        var request = Request(bundles: [new BundleRequest("NB-LAT-5450", 10, ["O365-BP"], ["OPT-PRIV-14"])], lines: [new QuoteLineRequest("MON-P2425", 10)]);

        var (quote, validation) = QuoteConfigurator.Configure(request, TestCatalogue.Seed());

        validation.IsValid.Should().BeTrue();
        quote!.Lines.Select(l => (l.Sku, l.Quantity, l.MonthlyPrice, l.Commission)).Should().Equal(
            ("NB-LAT-5450", 10, 29.90m, 300m), ("O365-BP", 10, 20.60m, 120m), ("INS-DEV", 10, 4.20m, 15m), ("BKP-100", 10, 2.90m, 12m),
            ("OPT-PRIV-14", 10, 0.90m, 5m), ("MON-P2425", 10, 6.90m, 60m));
        var totals = QuotePricing.Totals(quote.Lines, quote.Customer.Country, quote.TermMonths);
        // 10 × (29.90 + 20.60 + 4.20 + 2.90 + 0.90) + 10 × 6.90 = 654.00; NL 21 % = 137.34.
        totals.Monthly.Should().Be(new MonthlyAmount(654.00m, 137.34m, 791.34m));
        totals.TotalContractValue.Should().Be(23544.00m);
        totals.TotalContractValueGross.Should().Be(28488.24m);
        totals.TotalCommission.Should().Be(5120m);
    }

    [Fact]
    public void Devices_carry_their_vendors_warranty_into_the_contract_and_nothing_else_does()
    {
        var (quote, _) = QuoteConfigurator.Configure(Request(term: 24, bundles: [new BundleRequest("NB-TP-E14", 1, null, null)]), TestCatalogue.Seed());

        // The contract refuses an extension past the shortest device warranty, so acceptance must carry it.
        quote!.Lines.Select(l => (l.Sku, l.WarrantyMonths)).Should().Equal(
            ("NB-TP-E14", 36), ("O365-BE", (int?)null), ("INS-DEV", null), ("BKP-100", null));
    }

    [Fact]
    public void A_bundle_brings_the_default_software_insurance_and_backup_for_every_seat()
    {
        var (quote, _) = QuoteConfigurator.Configure(Request(term: 24, bundles: [new BundleRequest("NB-TP-E14", 3, null, null)]), TestCatalogue.Seed());

        quote!.Lines.Select(l => (l.Sku, l.Quantity)).Should().Equal(("NB-TP-E14", 3), ("O365-BE", 3), ("INS-DEV", 3), ("BKP-100", 3));
    }

    [Fact]
    public void Reseller_services_are_marked_billed_by_the_reseller_without_commission()
    {
        var (quote, _) = QuoteConfigurator.Configure(
            Request(lines: [new QuoteLineRequest("NB-HP-840", 1)], services: [new ResellerServiceRequest("On-site setup", 12.50m, 1)]), TestCatalogue.Seed());

        var service = quote!.Lines.Single(l => l.Kind == ItemKind.ResellerService);
        service.Should().Be(new DealLine("RS-1", "On-site setup", "Reseller", ItemKind.ResellerService, 1, 12.50m, 0m, BilledByReseller: true));
    }

    [Fact]
    public void A_german_business_without_vat_id_may_rent()
    {
        var request = Request(customer: new Customer("Muster GmbH", "de", null, "ap@muster.example"), lines: [new QuoteLineRequest("NB-LAT-5450", 1)]);

        var (quote, validation) = QuoteConfigurator.Configure(request, TestCatalogue.Seed());

        validation.IsValid.Should().BeTrue();
        quote!.Customer.Country.Should().Be("DE");
    }

    public static TheoryData<string, QuoteRequest, string, string> BadRequests() => new()
    {
        { "invalid term", Request(term: 18, lines: [new("NB-LAT-5450", 1)]), "termMonths", "TermIs12Or24Or36Months" },
        { "unknown item", Request(lines: [new("NB-XPS-13", 1)]), "lines[0].sku", "KnownItem" },
        { "not offered for term", Request(term: 12, lines: [new("NB-MBA-13", 1)]), "lines[0].sku", "OfferedForTerm" },
        { "zero quantity", Request(lines: [new("NB-LAT-5450", 0)]), "lines[0].quantity", "PositiveQuantity" },
        { "negative seats", Request(bundles: [new("NB-LAT-5450", -2, null, null)]), "bundles[0].seats", "PositiveQuantity" },
        { "option without device", Request(lines: [new("OPT-NBD", 2)]), "lines[0].sku", "OptionNeedsBaseDevice" },
        { "option for another device", Request(bundles: [new("NB-MBA-13", 1, null, ["OPT-PRIV-14"])]), "bundles[0].options[0]", "OptionNeedsBaseDevice" },
        { "conflicting upgrades", Request(bundles: [new("NB-LAT-5450", 1, ["O365-BP", "O365-E3"], null)]), "bundles[0].upgrades[1]", "UpgradesMayNotConflict" },
        { "conflicting upgrade lines", Request(lines: [new("NB-LAT-5450", 1), new("O365-BP", 1), new("O365-E3", 1)]), "lines[2].sku", "UpgradesMayNotConflict" },
        { "monitor as bundle device", Request(bundles: [new("MON-P2425", 1, null, null)]), "bundles[0].device", "BundleDeviceIsWorkplaceDevice" },
        { "missing VAT id", Request(customer: Dutch with { VatId = null }, lines: [new("NB-LAT-5450", 1)]), "customer.vatId", "VatIdRequiredInCountry" },
        { "malformed VAT id", Request(customer: Dutch with { VatId = "DE123456789" }, lines: [new("NB-LAT-5450", 1)]), "customer.vatId", "VatIdFormat" },
        { "unsupported country", Request(customer: Dutch with { Country = "FR" }, lines: [new("NB-LAT-5450", 1)]), "customer.country", "SupportedCountry" },
        { "no items", Request(), "lines", "QuoteNeedsAnItem" },
        { "reseller service at a fraction of a cent", Request(lines: [new("NB-LAT-5450", 1)], services: [new("Setup", 9.999m, 1)]), "resellerServices[0].monthlyPrice", "WholeCents" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_input_names_the_field_and_the_rule(string why, QuoteRequest request, string field, string rule)
    {
        Errors(request).Should().Contain((field, rule), why);
    }

    [Fact]
    public void A_device_is_not_rented_for_longer_than_its_vendors_warranty()
    {
        var seed = TestCatalogue.Seed();
        var shortWarranty = seed with { Vendors = seed.Vendors.ToDictionary(v => v.Key, v => v.Value.Id == "Samsung" ? v.Value with { WarrantyMonths = 24 } : v.Value) };

        var (_, validation) = QuoteConfigurator.Configure(Request(term: 36, lines: [new QuoteLineRequest("PHN-SAM-A55", 1)]), shortWarranty);
        var (_, shorter) = QuoteConfigurator.Configure(Request(term: 24, lines: [new QuoteLineRequest("PHN-SAM-A55", 1)]), shortWarranty);

        validation.Errors.Select(e => (e.Field, e.Rule)).Should().Equal(("lines[0].sku", "TermWithinWarranty"));
        shorter.IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_withdrawn_item_cannot_be_quoted()
    {
        Errors(Request(lines: [new QuoteLineRequest("PHN-IP15", 1)]), "PHN-IP15").Should().Equal(("lines[0].sku", "ItemNotWithdrawn"));
    }
}
