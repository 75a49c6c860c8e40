using System.Net;
using System.Text.Json.Nodes;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Returns.Tests.Api;

/// <summary>Returns in process. Its queue is named by the service, so every API test class shares this one host.</summary>
public sealed class ReturnsApi : ServiceApi<Program>
{
    public const string ContractEndedQueue = "returns-contract-ended";

    /// <summary>A new reseller's contract ended, unless <paramref name="resellerId"/> is given.</summary>
    public static ContractEnded Ended(Guid contractId, Guid? successor = null, Guid? resellerId = null, Guid? customerAccount = null) =>
        new(contractId, resellerId ?? Guid.NewGuid(), successor is null ? ContractEndReason.EndOfTerm : ContractEndReason.TerminatedEarly,
            new DateOnly(2027, 2, 28), 0m, [new ShippedDevice("NB-TP-E14", $"SN-{contractId:N}")], Start, successor, customerAccount);

    /// <summary>The contract's return cases once there are any.</summary>
    public static async Task<JsonArray> CasesAsync(HttpClient client, Guid contractId) =>
        (await Eventually.GetAsync(client, $"/return-cases?contractId={contractId}", c => c.AsArray().Count > 0,
            $"a return case for contract {contractId}")).AsArray();
}

[CollectionDefinition(Name)]
public sealed class ReturnsCollection : ICollectionFixture<ReturnsApi>
{
    public const string Name = "Returns API";
}
