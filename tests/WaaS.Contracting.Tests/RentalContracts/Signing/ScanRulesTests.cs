using FluentAssertions;
using WaaS.Contracting.RentalContracts;
using WaaS.Contracting.RentalContracts.Signing;
using Xunit;

namespace WaaS.Contracting.Tests;

public sealed class ScanRulesTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[100]];

    [Fact]
    public void A_pdf_scan_is_accepted_and_identified_by_its_sha256()
    {
        ScanRules.Check("application/pdf", Pdf).Should().BeNull();
        ScanRules.Checksum(Pdf).Should().HaveLength(64).And.Be(ScanRules.Checksum([.. Pdf]));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/msword")]
    [InlineData(null)]
    public void A_scan_of_another_type_is_rejected(string? contentType) =>
        ScanRules.Check(contentType, Pdf)!.Value.Rule.Should().Be("ScanContentType");

    [Fact]
    public void A_scan_whose_bytes_are_not_the_declared_type_is_rejected() =>
        ScanRules.Check("image/png", Pdf)!.Value.Rule.Should().Be("ScanMatchesContentType");

    [Fact]
    public void A_scan_above_the_size_limit_is_rejected()
    {
        var big = new byte[ScanRules.MaximumBytes + 1];
        "%PDF-"u8.CopyTo(big);

        ScanRules.Check("application/pdf", big)!.Value.Rule.Should().Be("ScanSizeLimit");
    }

    [Fact]
    public void An_uploaded_scan_is_evidence_not_a_signature()
    {
        var draft = GivenContract.Draft();

        var withScan = draft.Apply(new CustomerScanUploaded(draft.Id, Guid.NewGuid(), "application/pdf", 109, ScanRules.Checksum(Pdf), DateTimeOffset.UnixEpoch));

        withScan.CustomerScan!.Sha256.Should().Be(ScanRules.Checksum(Pdf));
        withScan.Status.Should().Be(ContractStatus.Draft);
        withScan.CustomerSignature.Should().BeNull();
    }
}
