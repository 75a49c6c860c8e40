using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using FluentAssertions;
using MimeKit;
using WaaS.Testing;
using Xunit;

namespace WaaS.Notifications.Tests;

[Collection(NotificationsApiCollection.Name)]
public sealed class DeliveryTests(NotificationsApi api)
{
    // Generous: the first PDF starts chromium, which takes long on a loaded 2-core machine (the whole suite in parallel).
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_deals_quote_approval_and_activation_mails_arrive_once_each_with_the_right_attachments()
    {
        var deal = new TestDeal(api.Clock.GetUtcNow());
        var reseller = api.CreateClient(As.Reseller(deal.ResellerId));
        var resellerMail = $"sales-{Guid.NewGuid():N}@reseller.example";
        await reseller.PutAsJsonAsync("/contacts/reseller", new { email = resellerMail, language = "de" }).ExpectAsync(HttpStatusCode.OK);

        await api.DeliverAsync("quote-sent", deal.QuoteSent());
        await api.DeliverAsync("quote-accepted", deal.Accepted());
        await api.DeliverAsync("contract-signed", deal.Signed());
        var approval = Guid.NewGuid();
        await api.DeliverAsync("credit-approved", deal.Approved(), approval);
        await api.DeliverAsync("contract-activated", deal.Activated());
        // The same approval redelivered, and the activation published a second time (a new message id): still one mail each.
        await api.SendAsync("notifications-credit-approved", deal.Approved(), approval);
        await api.DeliverAsync("contract-activated", deal.Activated());

        await Eventually.HoldsAsync(() => Task.FromResult(api.Smtp.To(deal.CustomerEmail).Count == 3 && api.Smtp.To(resellerMail).Count == 1),
            "the customer's three mails and the reseller's approval arrive", MailWait);
        var customer = api.Smtp.To(deal.CustomerEmail);
        static bool Has(MimeMessage m, string subject) => m.Subject?.StartsWith(subject, StringComparison.Ordinal) == true;
        var quote = customer.Single(m => Has(m, $"Ihr Angebot {deal.QuoteReference}"));
        var toSign = customer.Single(m => Has(m, $"Ihr Mietvertrag {deal.ContractReference} liegt"));
        var active = customer.Single(m => Has(m, $"Ihr Mietvertrag {deal.ContractReference} hat begonnen"));
        var approved = api.Smtp.To(resellerMail).Single();
        approved.Subject.Should().StartWith($"Auftrag {deal.ContractReference}", "the reseller chose German");

        Pdfs(quote).Should().ContainSingle().Which.FileName.Should().Be($"quote-{deal.QuoteReference}.pdf");
        var quoteText = await NotificationsApi.PdfTextAsync(Pdfs(quote)[0].Bytes);
        quoteText.Should().Contain($"Angebot {deal.QuoteReference}").And.Contain("155,89 €").And.Contain("Amtsgericht Hamburg");
        Pdfs(toSign).Single().FileName.Should().Be($"contract-{deal.ContractReference}-for-signature.pdf");
        quote.TextBody.Should().Contain("155,89 €").And.Contain("Erika Muster");
        active.TextBody.Should().Contain("09.03.2026").And.Contain("08.03.2029");

        var signed = Pdfs(approved).Single();
        signed.FileName.Should().Be($"contract-{deal.ContractReference}.pdf");
        Pdfs(active).Single().Bytes.Should().Equal(signed.Bytes, "the signed contract is issued once and never rendered again");
        (await NotificationsApi.PdfTextAsync(signed.Bytes)).Should().Contain("Kein Kauf").And.Contain("SEPA-Firmenlastschrift-Mandat");

        new[] { quote, toSign, active, approved }.Select(m => m.MessageId).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(id => id.EndsWith("@notifications.waas", StringComparison.Ordinal));

        // The documents, as the reseller lists and downloads them; the checksum is the bytes' own.
        var documents = await reseller.GetAsync($"/documents?contractId={deal.ContractId}").ExpectAsync(HttpStatusCode.OK);
        documents.AsArray().Select(d => d!["kind"]!.ToString()).Should().BeEquivalentTo(["ContractForSignature", "SignedContract"]);
        var signedId = documents.AsArray().Single(d => d!["kind"]!.ToString() == "SignedContract")!["id"]!.ToString();
        using var download = await reseller.GetAsync($"/documents/{signedId}/pdf");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.Should().Equal(signed.Bytes);
        download.Headers.GetValues("Repr-Digest").Single().Should().Be($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:");
        var customerView = api.CreateClient(As.Customer(deal.CustomerAccountId));
        (await customerView.GetAsync($"/documents?customerId={deal.CustomerAccountId}").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().HaveCount(3);
        var stranger = api.CreateClient(As.Reseller());
        (await stranger.GetAsync($"/documents?contractId={deal.ContractId}").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().BeEmpty();
        (await stranger.GetAsync($"/documents/{signedId}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await Task.Delay(500); // a late duplicate would have been sent by now (the queue is polled every 100 ms)
        api.Smtp.To(deal.CustomerEmail).Should().HaveCount(3);
        api.Smtp.To(resellerMail).Should().ContainSingle();
    }

    [Fact]
    public async Task A_mail_server_outage_delays_mails_but_neither_loses_nor_duplicates_them()
    {
        var deal = new TestDeal(api.Clock.GetUtcNow(), country: "NL");
        var operations = api.CreateClient(As.Operations);
        api.Smtp.Stop();
        try
        {
            await api.DeliverAsync("quote-sent", deal.QuoteSent());
            await api.DeliverAsync("quote-accepted", deal.Accepted());
            await Eventually.HoldsAsync(async () =>
            {
                var mails = await operations.GetAsync($"/mails?contractId={deal.ContractId}").ExpectAsync(HttpStatusCode.OK);
                return mails.AsArray().Count == 1 && mails[0]!["attempts"]!.GetValue<int>() >= 1 && mails[0]!["status"]!.ToString() == "Pending";
            }, "the first attempt fails while the server is down, and the mail waits", MailWait);
            api.Smtp.To(deal.CustomerEmail).Should().BeEmpty();
        }
        finally
        {
            api.Smtp.Start();
        }

        api.Clock.Advance(TimeSpan.FromMinutes(1)); // past the first backoff
        await Eventually.HoldsAsync(() => Task.FromResult(api.Smtp.To(deal.CustomerEmail).Count == 2), "both mails arrive once the server is back", MailWait);
        await Task.Delay(500);
        var received = api.Smtp.To(deal.CustomerEmail);
        received.Should().HaveCount(2);
        received.Select(m => m.Subject).Should().BeEquivalentTo([$"Uw offerte {deal.QuoteReference}", $"Uw huurcontract {deal.ContractReference} ligt klaar om te ondertekenen"]);
        received.Single(m => m.Subject?.StartsWith("Uw offerte", StringComparison.Ordinal) == true).TextBody.Should().Contain("€ 155,89");
    }

    [Fact]
    public async Task A_mail_that_keeps_failing_is_listed_for_operations_who_resend_it()
    {
        var deal = new TestDeal(api.Clock.GetUtcNow());
        var operations = api.CreateClient(As.Operations);
        string id;
        api.Smtp.Stop();
        try
        {
            await api.DeliverAsync("quote-sent", deal.QuoteSent());
            foreach (var wait in new[] { 0, 1, 3 })
            {
                api.Clock.Advance(TimeSpan.FromMinutes(wait));
                await Eventually.HoldsAsync(async () =>
                    (await operations.GetAsync($"/mails?quoteId={deal.QuoteId}").ExpectAsync(HttpStatusCode.OK))[0]!["attempts"]!.GetValue<int>() > (wait == 0 ? 0 : wait == 1 ? 1 : 2),
                    "another attempt fails", MailWait);
            }
            var failed = await operations.GetAsync("/mails?status=Failed").ExpectAsync(HttpStatusCode.OK);
            var mail = failed.AsArray().Single(m => m?["quoteId"]?.ToString() == deal.QuoteId.ToString())!; // other tests' failed mails have no quote
            mail["lastError"]!.ToString().Should().NotBeEmpty();
            id = mail["id"]!.ToString();
        }
        finally
        {
            api.Smtp.Start();
        }
        (await api.CreateClient(As.Reseller(deal.ResellerId)).GetAsync("/mails")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var resent = await operations.PostAsync($"/mails/{id}/resend", null).ExpectAsync(HttpStatusCode.OK);
        resent["status"]!.ToString().Should().Be("Pending");

        await Eventually.HoldsAsync(() => Task.FromResult(api.Smtp.To(deal.CustomerEmail).Count == 1), "the resent mail arrives", MailWait);
        Pdfs(api.Smtp.To(deal.CustomerEmail)[0]).Should().ContainSingle();
    }

    private static IReadOnlyList<(string FileName, byte[] Bytes)> Pdfs(MimeMessage message) =>
    [
        .. message.Attachments.OfType<MimePart>().Where(p => p.ContentType.MimeType == "application/pdf").Select(p =>
        {
            using var buffer = new MemoryStream();
            p.Content!.DecodeTo(buffer);
            return (p.FileName ?? "", buffer.ToArray());
        }),
    ];
}
