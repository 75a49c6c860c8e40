using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Contracting.Tests.Api;

/// <summary>The distributor attaches contacts, tasks, events, documents and cases to a reseller's contract.</summary>
[Collection(ContractingApiCollection.Name)]
public sealed class AnnotationApiTests(ContractingApi api)
{
    [Fact]
    public async Task The_distributor_attaches_each_kind_and_reads_them_back_in_order_without_changing_the_contract()
    {
        var reseller = As.Reseller();
        var id = await api.DraftedAsync(reseller.TenantId);
        var operations = api.CreateOperatorClient();
        using var before = await api.CreateClient(reseller).GetAsync($"/contracts/{id}");
        var etag = before.Headers.ETag!.Tag;

        object[] annotations =
        [
            new { kind = "Contact", name = "Erika Muster", role = "IT lead", email = "erika@muster.example" },
            new { kind = "Task", title = "Call about the docking stations", dueOn = "2026-03-09" },
            new { kind = "Event", title = "Quarterly review", occurredOn = "2026-04-01" },
            new { kind = "Document", title = "Site survey", reference = "https://dms.example/surveys/4711" },
            new { kind = "Case", title = "Late delivery complaint", status = "InProgress" },
        ];
        foreach (var annotation in annotations)
        {
            var created = await operations.Post($"/contracts/{id}/annotations", annotation).ExpectAsync(HttpStatusCode.Created);
            created.Get<string>("addedBy").Should().Be(As.Operations.Subject);
            api.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var listed = await operations.GetAsync($"/contracts/{id}/annotations").ExpectAsync(HttpStatusCode.OK);
        listed.AsArray().Select(a => a!.Get<string>("kind")).Should().Equal("Contact", "Task", "Event", "Document", "Case");
        listed.Get<string>("0.content.email").Should().Be("erika@muster.example");
        listed.Get<bool>("1.content.done").Should().BeFalse();
        listed.Get<string>("3.content.reference").Should().Be("https://dms.example/surveys/4711");
        listed.Get<string>("4.content.status").Should().Be("InProgress");
        listed.Get<string>("4.content.severity").Should().Be("normal", "a case is of normal severity unless said");
        using var after = await api.CreateClient(reseller).GetAsync($"/contracts/{id}");
        after.Headers.ETag!.Tag.Should().Be(etag, "annotations are not changes of the reseller's contract");
    }

    public static TheoryData<string, string, string> BadAnnotations() => new()
    {
        { """{}""", "kind", "Required" },
        { """{"kind":"Contact","role":"IT","email":"e@x.example"}""", "name", "Required" },
        { """{"kind":"Contact","name":"Erika","role":"IT"}""", "email", "ContactNeedsEmailOrPhone" },
        { """{"kind":"Contact","name":"Erika","role":"IT","email":"erika"}""", "email", "EmailAddress" },
        { """{"kind":"Task","title":"Call"}""", "dueOn", "Required" },
        { """{"kind":"Event","occurredOn":"2026-04-01"}""", "title", "Required" },
        { """{"kind":"Document","title":"Survey"}""", "reference", "Required" },
        { """{"kind":"Case","description":"Late"}""", "title", "Required" },
        { """{"kind":"Case","title":"Late","status":"Someday"}""", "status", "ValidJson" },
        { """{"kind":"Memo"}""", "kind", "ValidJson" },
    };

    [Theory]
    [MemberData(nameof(BadAnnotations))]
    public async Task A_bad_annotation_names_the_field_and_the_rule_and_is_not_stored(string body, string field, string rule)
    {
        var id = await api.DraftedAsync(Guid.NewGuid());
        var operations = api.CreateOperatorClient();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await operations.PostAsync($"/contracts/{id}/annotations", content).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Contain((field, rule));
        (await operations.GetAsync($"/contracts/{id}/annotations").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Only_the_distributor_annotates_and_reads_annotations_and_an_unknown_contract_is_not_found()
    {
        var reseller = As.Reseller();
        var id = await api.DraftedAsync(reseller.TenantId);
        var client = api.CreateClient(reseller);

        (await client.Post($"/contracts/{id}/annotations", new { kind = "Task", title = "x", dueOn = "2026-03-09" }).ExpectAsync(HttpStatusCode.Forbidden))
            ["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await client.GetAsync($"/contracts/{id}/annotations").ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        await api.CreateOperatorClient().Post($"/contracts/{Guid.NewGuid()}/annotations", new { kind = "Task", title = "x", dueOn = "2026-03-09" })
            .ExpectAsync(HttpStatusCode.NotFound);
    }
}
