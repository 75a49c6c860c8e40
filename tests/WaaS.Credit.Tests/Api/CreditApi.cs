using Marten;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>Credit in process. One host for the whole project: its queues are named by the service, so two hosts would share them.</summary>
public sealed class CreditApi : ServiceApi<Program>
{
    /// <summary>The queue CheckCredit arrives on (MassTransit's kebab-case name, prefixed by the service).</summary>
    public const string CheckCreditQueue = "credit-check-credit";

    /// <summary>How many inbox markers the service committed for <paramref name="messageId"/> (one once it was handled).</summary>
    public async Task<long> InboxMarkersAsync(Guid messageId)
    {
        await using var dataSource = Database();
        await using var command = dataSource.CreateCommand($"select count(*) from {Schema}.mt_doc_inboxmarker where id like '%:' || $1");
        command.Parameters.AddWithValue(messageId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The events of the check's stream, as stored.</summary>
    public async Task<IReadOnlyList<object>> StreamAsync(Guid contractId)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(contractId)).Select(e => e.Data)];
    }
}

[CollectionDefinition(Name)]
public sealed class CreditApiCollection : ICollectionFixture<CreditApi>
{
    public const string Name = "Credit API";
}
