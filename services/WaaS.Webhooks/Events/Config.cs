using Marten;
using MassTransit;
using WaaS.Webhooks.Events.Publishing;

namespace WaaS.Webhooks.Events;

public static class Config
{
    public static StoreOptions AddWebhookEvents(this StoreOptions options)
    {
        // Replay by time range reads by time: a real, indexed column.
        options.Schema.For<WebhookEvent>().Duplicate(x => x.Time, pgType: "timestamp with time zone");
        options.Schema.For<ContractFacts>();
        return options;
    }

    /// <summary>One consumer (queue webhooks-publish-webhook-events) for every integration event that becomes a webhook.</summary>
    public static IBusRegistrationConfigurator AddWebhookEvents(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<PublishWebhookEvents>();
        return bus;
    }
}
