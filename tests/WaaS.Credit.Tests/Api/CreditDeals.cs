using System.Text.Json.Nodes;
using WaaS.Contracts;
using WaaS.Credit.Tests.Checks;
using WaaS.Testing;

namespace WaaS.Credit.Tests.Api;

/// <summary>A customer's deals as the contract service and billing would announce them, sent straight to credit's queues.</summary>
public sealed class CreditDeals(CreditApi api, int score, string name = "Kunde GmbH")
{
    private readonly HttpClient _distributor = api.CreateClient(As.Operations);

    public Customer Customer { get; } = new(name, "DE", Given.VatId(score), "ap@kunde.example");

    public string Key => $"vat:{Customer.VatId}";

    public Guid ResellerId { get; } = Guid.NewGuid();

    public static MonthlyAmount Monthly(decimal net) => new(net, net * 0.19m, net * 1.19m);

    public async Task<JsonNode> CheckedAsync(Guid contractId, decimal monthlyNet, int months, Guid? predecessor = null)
    {
        await api.SendAsync(CreditApi.CheckCreditQueue, new CheckCredit(contractId, Customer, monthlyNet * months, months, ResellerId, predecessor));
        return await CheckAsync(contractId);
    }

    public Task<JsonNode> CheckAsync(Guid checkId) => Eventually.GetAsync(_distributor, $"/checks/{checkId}", _ => true, $"check {checkId} is recorded");

    public async Task ActivatedAsync(Guid contractId, decimal monthlyNet, int months)
    {
        var start = api.Today;
        await api.SendAsync(CreditApi.ContractActivatedQueue, new ContractActivated(contractId, ResellerId, Customer, months, start,
            start.AddMonths(months).AddDays(-1), Monthly(monthlyNet), [], [], api.Clock.GetUtcNow()));
    }

    public Task ExtendedAsync(Guid contractId, decimal monthlyNet, int months, int addedMonths, int extensionNumber = 1)
    {
        var end = api.Today.AddMonths(months).AddDays(-1);
        return api.SendAsync(CreditApi.ContractExtendedQueue, new ContractExtended(contractId, ResellerId, extensionNumber, addedMonths, months + addedMonths,
            end, end.AddMonths(addedMonths), Monthly(monthlyNet), 0m, api.Clock.GetUtcNow()));
    }

    /// <summary>The customer's exposure once <paramref name="until"/> holds for it.</summary>
    public Task<JsonNode> ExposureAsync(Func<JsonNode, bool> until, string what) =>
        Eventually.GetAsync(_distributor, $"/customers/{Uri.EscapeDataString(Key)}/exposure", until, what);
}
