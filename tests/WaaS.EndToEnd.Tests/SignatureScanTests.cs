using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>The customer's scan comes first as an early copy; the deal still waits for both signatures.</summary>
[Collection(SystemCollection.Name)]
public sealed class SignatureScanTests(WaaSSystem system)
{
    private readonly DealDriver _deals = new(system);

    private Task<HttpResponseMessage> UploadAsync(Guid id, byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return system.Reseller.PostAsync($"contract/contracts/{id}/signatures/customer/scan", body);
    }

    [Fact]
    public async Task A_scan_is_stored_with_its_checksum_before_signing_and_refused_after()
    {
        var quote = await _deals.CreateQuoteAsync(12, ("NB-TP-E14", 1));
        var id = await _deals.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _deals.ContractAsync(id);
        byte[] pdf = [.. "%PDF-1.4\n"u8.ToArray(), .. RandomNumberGenerator.GetBytes(2000)];

        (await UploadAsync(id, "hello"u8.ToArray(), "text/plain")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var disguised = await UploadAsync(id, pdf, "image/png");
        disguised.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await disguised.Content.ReadAsStringAsync()).Should().Contain("ScanMatchesContentType");

        var stored = await DealDriver.ExpectAsync(await UploadAsync(id, pdf, "application/pdf"), HttpStatusCode.OK);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(pdf));
        stored["customerScan"]!["sha256"]!.GetValue<string>().Should().Be(checksum);
        stored["status"]!.GetValue<string>().Should().Be("Draft", "a scan is not a signature");
        using (var download = await system.Reseller.GetAsync($"contract/contracts/{id}/signatures/customer/scan"))
        {
            (await download.Content.ReadAsByteArrayAsync()).Should().Equal(pdf);
            download.Headers.GetValues("X-Checksum-SHA256").Single().Should().Be(checksum);
        }
        (await system.Reseller.GetAsync($"contract/deals/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no deal before both signatures");

        await _deals.SignBothAsync(id);
        (await UploadAsync(id, pdf, "application/pdf")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
