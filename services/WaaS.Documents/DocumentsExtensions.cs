using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WaaS.Documents.Pdf;

namespace WaaS.Documents;

public static class DocumentsExtensions
{
    /// <summary>Sample legal details of a fictitious distributor: Development only, so a real one is never forgotten.</summary>
    public static readonly IReadOnlyDictionary<string, string?> DevelopmentDistributor = new Dictionary<string, string?>
    {
        ["Distributor:CompanyName"] = "WaaS Distribution GmbH (development sample)",
        ["Distributor:Street"] = "Hafenstraße 1",
        ["Distributor:PostalCode"] = "20457",
        ["Distributor:City"] = "Hamburg",
        ["Distributor:Country"] = "DE",
        ["Distributor:RegisterCourt"] = "Amtsgericht Hamburg",
        ["Distributor:RegisterNumber"] = "HRB 000000",
        ["Distributor:ManagingDirectors"] = "Anna Beispiel",
        ["Distributor:VatId"] = "DE000000000",
        ["Distributor:Iban"] = "DE02120300000000202051",
        ["Distributor:Bic"] = "BYLADEM1001",
        ["Distributor:SepaCreditorId"] = "DE98ZZZ09999999999",
        ["Distributor:Email"] = "service@waas.example",
        ["Distributor:Phone"] = "+49 40 000000",
    };

    /// <summary>
    /// The distributor's legal details (section <see cref="LegalDetails.Section"/>, checked at start: no document may be
    /// issued without them; sample values in Development, beneath every other source) and the PDF renderer.
    /// </summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DevelopmentDistributor });
        }
        builder.Services.AddOptions<LegalDetails>().Bind(builder.Configuration.GetSection(LegalDetails.Section))
            .Validate(d => d.Missing().Count == 0, "The distributor's legal details are incomplete (section Distributor): every document needs them.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<LegalDetails>>().Value);
        builder.Services.AddSingleton<PdfRenderer>();
        return builder;
    }
}
