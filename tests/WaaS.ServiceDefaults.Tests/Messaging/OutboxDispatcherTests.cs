using System.Collections.Concurrent;
using FluentAssertions;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Tests.Hosting;
using WaaS.Testing;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Messaging;

/// <summary>A started host: its outbox dispatcher publishes to RabbitMQ (API-test vhost).</summary>
public sealed class DispatchingHost : DefaultsHost
{
    protected override bool Starts => true;
}

public sealed class OutboxDispatcherTests(DispatchingHost host) : IClassFixture<DispatchingHost>
{
    [Fact]
    public async Task A_committed_message_is_published_under_its_row_id_and_its_deal_correlation_and_its_row_is_deleted()
    {
        var contractId = Guid.NewGuid();
        var message = new ContractEndingSoon(contractId, Guid.NewGuid(), new DateOnly(2026, 6, 30), 30, DefaultsHost.Start);
        var received = new ConcurrentQueue<(ContractEndingSoon Message, Guid? MessageId, Guid? CorrelationId)>();
        var observer = host.Host.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), null,
            e => e.Handler<ContractEndingSoon>(ctx =>
            {
                if (ctx.Message.ContractId == contractId)
                {
                    received.Enqueue((ctx.Message, ctx.MessageId, ctx.CorrelationId));
                }
                return Task.CompletedTask;
            }));
        await observer.Ready;
        try
        {
            Guid rowId;
            await using (var scope = host.Scope())
            {
                var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
                scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(message);
                rowId = session.PendingChanges.InsertsFor<OutboxMessage>().Single().Id;
                await session.SaveChangesAsync();
            }

            await Eventually.HoldsAsync(() => Task.FromResult(!received.IsEmpty), "the dispatcher published the committed message");
            var (published, messageId, correlationId) = received.Single();
            published.Should().Be(message);
            messageId.Should().Be(rowId, "the row id is the MessageId, so a republish after a crash is deduplicated by the inbox");
            correlationId.Should().Be(contractId, "DealCorrelation declares the contract id as a deal message's CorrelationId");
            await Eventually.HoldsAsync(async () => (await host.OutboxRowsAsync(contractId)).Count == 0, "the published row was deleted");
            received.Should().ContainSingle("a published row is published once");
        }
        finally
        {
            await observer.StopAsync();
        }
    }
}
