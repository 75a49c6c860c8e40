using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Accounts.Tests.Api;

[Collection(AccountsCollection.Name)]
public sealed class AnnotationAndAuditApiTests(AccountsApi api)
{
    private readonly HttpClient _ops = api.CreateClient(As.Operations);

    private async Task<Guid> ResellerAsync() =>
        (await _ops.Post("/accounts", new { kind = "Reseller", name = "Annotated Reseller" }).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");

    [Fact]
    public async Task The_distributor_attaches_contacts_tasks_events_documents_and_cases_and_reads_them_back_in_order()
    {
        var id = await ResellerAsync();
        await _ops.Post($"/accounts/{id}/annotations", new { kind = "Contact", name = "Petra Partner", email = "petra@reseller.example", role = "Partner manager" })
            .ExpectAsync(HttpStatusCode.Created);
        await _ops.Post($"/accounts/{id}/annotations", new { kind = "Task", title = "Quarterly review", dueOn = "2026-04-01" }).ExpectAsync(HttpStatusCode.Created);
        await _ops.Post($"/accounts/{id}/annotations", new { kind = "Event", title = "Partner day", occurredOn = "2026-02-10" }).ExpectAsync(HttpStatusCode.Created);
        await _ops.Post($"/accounts/{id}/annotations", new { kind = "Document", title = "Credit insurance", reference = "dms://docs/42" }).ExpectAsync(HttpStatusCode.Created);
        var created = await api.CreateClient(As.Finance).Post($"/accounts/{id}/annotations", new { kind = "Case", title = "Disputed invoice", description = "Invoice 2026-0042", severity = "High" })
            .ExpectAsync(HttpStatusCode.Created);
        created.Get<string>("content.severity").Should().Be("high");

        var list = (await _ops.GetAsync($"/accounts/{id}/annotations").ExpectAsync(HttpStatusCode.OK)).AsArray();
        list.Select(a => a!.Get<string>("kind")).Should().Equal("Contact", "Task", "Event", "Document", "Case");
        list[0]!.Get<string>("content.email").Should().Be("petra@reseller.example");
        list[1]!.Get<string>("content.dueOn").Should().Be("2026-04-01");
        list[0]!.Get<string>("addedBy").Should().Be(As.Operations.Subject);
        list[0]!.Get<string>("addedThrough").Should().Be(As.Operations.ClientId);
    }

    [Fact]
    public async Task Each_kind_of_annotation_names_the_fields_it_misses()
    {
        var id = await ResellerAsync();
        async Task<IEnumerable<(string, string)>> Refused(object body) =>
            Http.Rules(await _ops.Post($"/accounts/{id}/annotations", body).ExpectAsync(HttpStatusCode.BadRequest));

        (await Refused(new { })).Should().Equal(("kind", "Required"));
        (await Refused(new { kind = "Contact", name = "No Way To Reach" })).Should().Equal(("email", "ContactNeedsEmailOrPhone"));
        (await Refused(new { kind = "Contact", name = "X", email = "not-an-address" })).Should().Equal(("email", "EmailAddress"));
        (await Refused(new { kind = "Task", title = "Undated" })).Should().Equal(("dueOn", "Required"));
        (await Refused(new { kind = "Event" })).Should().BeEquivalentTo([("title", "Required"), ("occurredOn", "Required")]);
        (await Refused(new { kind = "Document", title = "Where?" })).Should().Equal(("reference", "Required"));
        (await Refused(new { kind = "Case", title = "Urgent", description = "d", severity = "extreme" })).Should().Equal(("severity", "SeverityKnown"));
        await _ops.Post($"/accounts/{Guid.NewGuid()}/annotations", new { kind = "Task", title = "t", dueOn = "2026-04-01" }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_distributor_annotates_and_reads_annotations()
    {
        var id = await ResellerAsync();
        var reseller = api.CreateClient(As.Reseller(id));

        Http.Rules(await reseller.Post($"/accounts/{id}/annotations", new { kind = "Task", title = "t", dueOn = "2026-04-01" })
            .ExpectAsync(HttpStatusCode.Forbidden)).Single().Rule.Should().Be("PartyNotAllowed");
        await reseller.GetAsync($"/accounts/{id}/annotations").ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_audit_lists_what_happened_to_an_account_in_order_for_the_distributor_and_the_account_itself()
    {
        var id = await ResellerAsync();
        await _ops.Post($"/accounts/{id}/agreement", new { signedOn = "2026-02-01", documentReference = "dms://a.pdf" }).ExpectAsync(HttpStatusCode.OK);
        await _ops.Post($"/accounts/{id}/activate", new { }).ExpectAsync(HttpStatusCode.OK);
        await _ops.Post($"/accounts/{id}/annotations", new { kind = "Task", title = "Kick-off", dueOn = "2026-03-10" }).ExpectAsync(HttpStatusCode.Created);

        var audit = (await _ops.GetAsync($"/accounts/{id}/audit").ExpectAsync(HttpStatusCode.OK)).AsArray();
        audit.Select(e => e!.Get<long>("version")).Should().Equal(1, 2, 3, 4);
        audit.Select(e => e!.Get<string>("what")).Should().Equal("account_opened", "reseller_agreement_filed", "account_activated", "annotation_attached");
        audit.Should().OnlyContain(e => e!.Get<string>("subject") == As.Operations.Subject && e!.Get<string>("client") == As.Operations.ClientId
                                        && e!.Get<string>("tenant") == As.DistributorId.ToString() && e!.Get<string>("tenantKind") == "distributor",
            "each event names the operator, the client and the tenant that caused it");

        var own = (await api.CreateClient(As.Reseller(id)).GetAsync($"/accounts/{id}/audit").ExpectAsync(HttpStatusCode.OK)).AsArray();
        own.Count.Should().Be(4);
        await api.CreateClient(As.Reseller()).GetAsync($"/accounts/{id}/audit").ExpectAsync(HttpStatusCode.NotFound);
    }
}
