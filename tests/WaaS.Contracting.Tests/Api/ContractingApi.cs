using System.Net;
using System.Net.Http.Json;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Security;
using WaaS.Testing;
using Xunit;

namespace WaaS.Contracting.Tests.Api;

/// <summary>
/// Contracting in process on the real PostgreSQL and RabbitMQ. One host for the whole project (its queues are named by
/// the service, so two hosts would take each other's messages); tests bring their own tenants and contracts.
/// </summary>
public sealed class ContractingApi : ServiceApi<Program>
{
    /// <summary>Where QuoteAccepted arrives (MassTransit's kebab-case name of DraftContract, prefixed by the service).</summary>
    public const string QuoteAcceptedQueue = "contracting-draft-contract";

    /// <summary>Where the saga's ContractActivated reaches the contract (ActivateContract).</summary>
    public const string ContractActivatedQueue = "contracting-activate-contract";

    private static readonly DealLine[] Lines =
        [new("NB-TP-E14", "ThinkPad E14", "Lenovo", ItemKind.Device, 2, 30m, 120m, WarrantyMonths: 36)];

    /// <summary>A contract drafted from an accepted quote of <paramref name="reseller"/>, for the customer account given.</summary>
    public async Task<Guid> DraftedAsync(Guid reseller, Guid? customerAccount = null, SalesRole role = SalesRole.Reseller)
    {
        var contractId = Guid.NewGuid();
        await SendAsync(QuoteAcceptedQueue, new QuoteAccepted(Guid.NewGuid(), contractId, reseller,
            new Customer("Muster GmbH", "DE", "DE123456789", "ap@muster.example", AccountId: customerAccount), 12, Lines,
            new MonthlyAmount(60m, 11.40m, 71.40m), 240m, Clock.GetUtcNow(), 1, role));
        await Eventually.GetAsync(CreateOperatorClient(), $"/contracts/{contractId}", _ => true, $"contract {contractId} was not drafted");
        return contractId;
    }

    /// <summary>Drafted, signed by the customer (collected by the reseller's staff) and countersigned by operations.</summary>
    public async Task<Guid> SignedAsync(Caller reseller, Guid? customerAccount = null, SalesRole role = SalesRole.Reseller)
    {
        var id = await DraftedAsync(reseller.TenantId, customerAccount, role);
        await Expect(CreateClient(reseller).PostAsJsonAsync($"/contracts/{id}/signatures/customer", new { signedBy = "Erika Muster" }), HttpStatusCode.OK);
        await Expect(CreateOperatorClient().PostAsJsonAsync($"/contracts/{id}/signatures/distributor", new { signedBy = "Ops" }), HttpStatusCode.OK);
        return id;
    }

    /// <summary>Signed, and activated by the deal (the devices arrived today).</summary>
    public async Task<Guid> ActiveAsync(Caller reseller, Guid? customerAccount = null)
    {
        var id = await SignedAsync(reseller, customerAccount);
        var start = Today;
        await SendAsync(ContractActivatedQueue, new ContractActivated(id, reseller.TenantId,
            new Customer("Muster GmbH", "DE", "DE123456789", "ap@muster.example", AccountId: customerAccount), 12, start,
            start.AddMonths(12).AddDays(-1), new MonthlyAmount(60m, 11.40m, 71.40m), Lines,
            [new ShippedDevice("NB-TP-E14", "SN-1"), new ShippedDevice("NB-TP-E14", "SN-2")], Clock.GetUtcNow()));
        await Eventually.GetAsync(CreateOperatorClient(), $"/contracts/{id}", c => c["status"]!.GetValue<string>() == "Active", $"contract {id} is not active");
        return id;
    }

    private static async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"Expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ContractingApiCollection : ICollectionFixture<ContractingApi>
{
    public const string Name = "Contracting API";
}
