namespace WaaS.Quoting.Tests.Api;

/// <summary>Request bodies as a marketplace front end sends them (the reseller is the caller's token, not a field).</summary>
public static class Requests
{
    public static object Customer(string company = "Voorbeeld B.V.", string country = "NL", string? vatId = "NL123456789B01", Guid? accountId = null) =>
        new { companyName = company, country, vatId, billingEmail = "ap@voorbeeld.example", billingContactName = "Anna de Vries", accountId };

    public static object Bundle(string device, int seats, string[]? upgrades = null, string[]? options = null) =>
        new { device, seats, upgrades = upgrades ?? [], options = options ?? [] };

    public static object Line(string sku, int quantity) => new { sku, quantity };

    public static object Quote(int termMonths = 36, object? customer = null, object[]? bundles = null, object[]? lines = null,
        object[]? resellerServices = null, string role = "Reseller") =>
        new { customer = customer ?? Customer(), termMonths, bundles = bundles ?? [], lines = lines ?? [], resellerServices = resellerServices ?? [], role };

    public static readonly object SetupService = new { description = "On-site setup and training", monthlyPrice = 15.00m, quantity = 10 };

    /// <summary>10 seats of the Dell notebook with Business Premium and a privacy filter, 10 monitors, and the reseller's setup service.</summary>
    public static object TenSeats(object? customer = null) => Quote(36, customer,
        bundles: [Bundle("NB-LAT-5450", 10, ["O365-BP"], ["OPT-PRIV-14"])],
        lines: [Line("MON-P2425", 10)],
        resellerServices: [SetupService]);

    /// <summary>The same seats as a referral: no reseller services.</summary>
    public static object TenSeatsReferred(object? customer = null, object[]? resellerServices = null) => Quote(36, customer,
        bundles: [Bundle("NB-LAT-5450", 10, ["O365-BP"], ["OPT-PRIV-14"])],
        lines: [Line("MON-P2425", 10)],
        resellerServices: resellerServices,
        role: "Referrer");
}
