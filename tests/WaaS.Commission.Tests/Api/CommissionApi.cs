using Marten;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Testing;
using Xunit;

namespace WaaS.Commission.Tests.Api;

/// <summary>Commission in process. One host for the whole project: its queues are named by the service, so two hosts would share them.</summary>
public sealed class CommissionApi : ServiceApi<Program>
{
    /// <summary>The queues RecordCommission and ContractExtended arrive on (MassTransit's kebab-case names, prefixed by the service).</summary>
    public const string RecordCommissionQueue = "commission-record-commission";

    public const string ContractExtendedQueue = "commission-contract-extended";

    /// <summary>How many inbox markers the service committed for <paramref name="messageId"/> (one once it was handled).</summary>
    public async Task<long> InboxMarkersAsync(Guid messageId)
    {
        await using var dataSource = Database();
        await using var command = dataSource.CreateCommand($"select count(*) from {Schema}.mt_doc_inboxmarker where id like '%:' || $1");
        command.Parameters.AddWithValue(messageId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The events of the commission stream, as stored.</summary>
    public async Task<IReadOnlyList<object>> StreamAsync(Guid contractId)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(contractId)).Select(e => e.Data)];
    }
}

[CollectionDefinition(Name)]
public sealed class CommissionApiCollection : ICollectionFixture<CommissionApi>
{
    public const string Name = "Commission API";
}
