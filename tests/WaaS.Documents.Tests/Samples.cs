using System.Diagnostics;
using WaaS.Contracts;
using WaaS.Documents.Contracts;
using WaaS.Documents.Quotes;

namespace WaaS.Documents.Tests;

public static class Samples
{
    public static readonly LegalDetails Distributor = new()
    {
        CompanyName = "WaaS Distribution GmbH", Street = "Hafenstraße 1", PostalCode = "20457", City = "Hamburg", Country = "DE",
        RegisterCourt = "Amtsgericht Hamburg", RegisterNumber = "HRB 123456", ManagingDirectors = "Anna Beispiel",
        VatId = "DE999999999", Iban = "DE02120300000000202051", Bic = "BYLADEM1001", SepaCreditorId = "DE98ZZZ09999999999",
        Email = "service@waas.example", Phone = "+49 40 123456",
    };

    public static Customer Customer(string country) => new("Muster & Söhne <GmbH>", country, country + "123456789", "ap@muster.example", "Erika Muster");

    public static readonly IReadOnlyList<DealLine> Lines =
    [
        new("NB-LAT-5450", "Latitude 5450 notebook", "Dell", ItemKind.Device, 2, 1234.5m, 100m),
        new("O365-BP", "Microsoft 365 Business Premium", "Microsoft", ItemKind.Upgrade, 2, 20m, 30m),
        new("SETUP", "On-site setup", "Reseller", ItemKind.ResellerService, 1, 99m, 0m, BilledByReseller: true),
    ];

    public static QuoteModel Quote(string country) => new("Q-1A2B3C4D-2", 2, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        new DateOnly(2026, 4, 1), Customer(country), 36, Lines, new MonthlyAmount(2509m, 476.71m, 2985.71m), 0.19m, 90324m, 107485.56m);

    public static ContractModel Contract(string country, Signatures? signed = null) => new(
        Guid.Parse("abcdef12-0000-4000-8000-000000000001"), new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero), Customer(country), 24,
        Lines, new MonthlyAmount(2509m, 476.71m, 2985.71m), signed);

    /// <summary>The text of a PDF, as poppler's pdftotext reads it (installed by infra/tools.sh).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"waas-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pdftotext exited with {process.ExitCode}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
