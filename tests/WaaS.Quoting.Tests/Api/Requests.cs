namespace WaaS.Quoting.Tests.Api;

/// <summary>Request bodies as a marketplace front end sends them.</summary>
public static class Requests
{
    public static object Customer(string company = "Voorbeeld B.V.", string country = "NL", string? vatId = "NL123456789B01") =>
        new { companyName = company, country, vatId, billingEmail = "ap@voorbeeld.example", billingContactName = "Anna de Vries" };

    public static object Bundle(string device, int seats, string[]? upgrades = null, string[]? options = null) =>
        new { device, seats, upgrades = upgrades ?? [], options = options ?? [] };

    public static object Line(string sku, int quantity) => new { sku, quantity };

    public static object Quote(Guid resellerId, int termMonths = 36, object? customer = null, object[]? bundles = null, object[]? lines = null,
        object[]? resellerServices = null) =>
        new { resellerId, customer = customer ?? Customer(), termMonths, bundles = bundles ?? [], lines = lines ?? [], resellerServices = resellerServices ?? [] };

    /// <summary>10 seats of the Dell notebook with Business Premium and a privacy filter, 10 monitors, and the reseller's setup service.</summary>
    public static object TenSeats(Guid resellerId, object? customer = null) => Quote(resellerId, 36, customer,
        bundles: [Bundle("NB-LAT-5450", 10, ["O365-BP"], ["OPT-PRIV-14"])],
        lines: [Line("MON-P2425", 10)],
        resellerServices: [new { description = "On-site setup and training", monthlyPrice = 15.00m, quantity = 10 }]);
}
