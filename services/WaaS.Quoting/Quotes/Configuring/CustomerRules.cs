using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.Quotes.Configuring;

/// <summary>The end customer must be a business we can invoice in its country.</summary>
public static class CustomerRules
{
    public static void Validate(Customer? customer, Validation v)
    {
        v.Require(customer is not null, "customer", "Required", "'customer' is required.");
        if (customer is null)
        {
            return;
        }
        v.Required(customer.CompanyName, "customer.companyName")
         .Required(customer.BillingEmail, "customer.billingEmail")
         .Require(customer.BillingEmail is null || customer.BillingEmail.Contains('@', StringComparison.Ordinal), "customer.billingEmail", "EmailAddress",
             "'customer.billingEmail' must be an e-mail address.");
        var known = customer.Country is not null && RentalCountries.All.ContainsKey(customer.Country);
        v.Require(known, "customer.country", "SupportedCountry", $"The country must be one of {string.Join(", ", RentalCountries.All.Keys)}.");
        if (!known)
        {
            return;
        }
        var rules = RentalCountries.Of(customer.Country!);
        var vatId = Normalise(customer.VatId);
        v.Require(!rules.VatIdRequired || vatId is not null, "customer.vatId", "VatIdRequiredInCountry",
             $"A customer in {rules.Code} needs a VAT id.")
         .Require(vatId is null || rules.VatIdFormat.IsMatch(vatId), "customer.vatId", "VatIdFormat",
             $"'{customer.VatId}' is not a {rules.Code} VAT id.");
    }

    /// <summary>Upper-case country, VAT id without blanks, trimmed names: the form every later service sees.</summary>
    public static Customer Normalised(Customer customer) => customer with
    {
        CompanyName = customer.CompanyName.Trim(),
        Country = customer.Country.ToUpperInvariant(),
        VatId = Normalise(customer.VatId),
        BillingEmail = customer.BillingEmail.Trim(),
        BillingContactName = string.IsNullOrWhiteSpace(customer.BillingContactName) ? null : customer.BillingContactName.Trim(),
    };

    private static string? Normalise(string? vatId) =>
        string.IsNullOrWhiteSpace(vatId) ? null : vatId.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
