using FluentAssertions;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Credit.Customers;
using WaaS.Credit.Tests.Checks;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>
/// Two checks of one customer at once must not both count only themselves: the second write of the customer's exposure
/// fails on PostgreSQL (and the message is redelivered onto the stored document) instead of overwriting the first.
/// </summary>
[Collection(CreditApiCollection.Name)]
public sealed class ExposureConcurrencyTests(CreditApi api)
{
    private IDocumentStore Store => api.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task A_customers_first_exposure_written_twice_at_once_fails_the_second_instead_of_overwriting_the_first()
    {
        var customer = Given.Customer(Given.VatId(70));
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        (await first.LoadAsync<CustomerExposure>(CustomerKey.Of(customer))).Should().BeNull();
        (await second.LoadAsync<CustomerExposure>(CustomerKey.Of(customer))).Should().BeNull();
        var mine = CustomerExposure.For(customer);
        mine.Deal(Guid.NewGuid(), 60_000m, 36, Given.Now);
        var theirs = CustomerExposure.For(customer);
        theirs.Deal(Guid.NewGuid(), 60_000m, 36, Given.Now);

        first.Keep(mine, isNew: true);
        await first.SaveChangesAsync();
        second.Keep(theirs, isNew: true);
        var overwrite = () => second.SaveChangesAsync();

        await overwrite.Should().ThrowAsync<DocumentAlreadyExistsException>();
    }

    [Fact]
    public async Task A_customers_exposure_changed_since_it_was_loaded_is_not_overwritten()
    {
        var customer = Given.Customer(Given.VatId(70));
        await using (var setup = Store.LightweightSession())
        {
            setup.Keep(CustomerExposure.For(customer), isNew: true);
            await setup.SaveChangesAsync();
        }
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        var mine = (await first.LoadAsync<CustomerExposure>(CustomerKey.Of(customer)))!;
        var theirs = (await second.LoadAsync<CustomerExposure>(CustomerKey.Of(customer)))!;
        mine.Deal(Guid.NewGuid(), 60_000m, 36, Given.Now);
        theirs.Deal(Guid.NewGuid(), 60_000m, 36, Given.Now);

        first.Keep(mine, isNew: false);
        await first.SaveChangesAsync();
        second.Keep(theirs, isNew: false);
        var overwrite = () => second.SaveChangesAsync();

        await overwrite.Should().ThrowAsync<ConcurrencyException>();
    }
}
