using FluentAssertions;
using Microsoft.Extensions.Configuration;
using WaaS.Documents.Contracts;
using WaaS.Documents.Pdf;
using WaaS.Documents.Quotes;
using WaaS.Documents.Templating;
using Xunit;

namespace WaaS.Documents.Tests;

/// <summary>Real PDFs from Debian's chromium, read back with pdftotext.</summary>
public sealed class PdfTests : IAsyncLifetime
{
    private readonly PdfRenderer _pdf = new(new ConfigurationBuilder().Build());

    [Fact]
    public async Task The_quote_pdf_reads_back_with_its_amounts_and_legal_details()
    {
        var html = QuoteTemplate.Render(Locale.German, Samples.Distributor, Samples.Quote("DE")).Value;

        var pdf = await _pdf.RenderAsync(html);

        pdf.AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());
        var text = await Samples.PdfTextAsync(pdf);
        text.Should().Contain("Angebot Q-1A2B3C4D-2").And.Contain("2.985,71 €").And.Contain("01.04.2026")
            .And.Contain("HRB 123456").And.Contain("Muster & Söhne <GmbH>");
    }

    [Fact]
    public async Task The_contract_pdf_reads_back_with_its_terms_in_dutch()
    {
        var html = ContractTemplate.Render(Locale.Dutch, Samples.Distributor, Samples.Contract("NL")).Value;

        var text = await Samples.PdfTextAsync(await _pdf.RenderAsync(html));

        text.Should().Contain("Huurcontract C-ABCDEF12").And.Contain("Geen koop").And.Contain("€ 2.509,00").And.Contain("DE98ZZZ09999999999");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pdf.DisposeAsync();
}
