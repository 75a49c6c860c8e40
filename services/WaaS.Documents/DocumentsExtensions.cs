using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WaaS.Documents.Pdf;

namespace WaaS.Documents;

public static class DocumentsExtensions
{
    /// <summary>
    /// The distributor's legal details (section <see cref="LegalDetails.Section"/>, checked at start: a document without
    /// them may not be issued) and the PDF renderer.
    /// </summary>
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LegalDetails>().Bind(builder.Configuration.GetSection(LegalDetails.Section))
            .Validate(d => d.Missing().Count == 0, "The distributor's legal details are incomplete (section Distributor): every document needs them.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<LegalDetails>>().Value);
        builder.Services.AddSingleton<PdfRenderer>();
        return builder;
    }
}
