using System.Net;
using FluentAssertions;
using WaaS.Billing.Tests.Schedules;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Billing.Tests.Api;

/// <summary>Schedules/Reading.</summary>
[Collection(BillingApiCollection.Name)]
public sealed class ReadingApiTests(BillingApi api)
{
    [Fact]
    public async Task An_unknown_schedule_answers_404_NotFound()
    {
        var id = Guid.NewGuid();

        var problem = await api.CreateClient(As.Finance).GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("rule").Should().Be("NotFound");
        problem.Get<string>("detail").Should().Contain(id.ToString());
    }
}
