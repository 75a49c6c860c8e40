using System.Text;
using WaaS.Contracts;

namespace WaaS.Credit.Customers;

/// <summary>
/// Who a customer is, for its exposure across contracts. In order: its VAT id (<c>vat:DE123456789</c>, upper case,
/// without blanks: the legal identity, and what the credit bureau keys on); else its account
/// (<c>account:{Customer.AccountId}</c>); else its company name and country (<c>name:DE:muster gmbh</c>: lower case,
/// only letters and digits, single blanks). The same company quoted once with and once without a VAT id counts as two
/// customers; quoting normalises the VAT id, so the same id always gives the same key.
/// </summary>
public static class CustomerKey
{
    public static string Of(Customer customer)
    {
        if (!string.IsNullOrWhiteSpace(customer.VatId))
        {
            return "vat:" + customer.VatId.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        }
        if (customer.AccountId is { } account)
        {
            return $"account:{account}";
        }
        return $"name:{customer.Country.Trim().ToUpperInvariant()}:{NormalisedName(customer.CompanyName)}";
    }

    /// <summary>Lower case; punctuation dropped; runs of blanks as one blank ("Muster  GmbH." → "muster gmbh").</summary>
    public static string NormalisedName(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(c);
            }
            else if (char.IsWhiteSpace(c) && text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }
        return text.ToString().TrimEnd();
    }
}
