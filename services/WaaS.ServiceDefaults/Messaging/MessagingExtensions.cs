using Marten;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>MassTransit over RabbitMQ with the WaaS conventions.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Setting that makes every durable receive endpoint (and its error and skipped queues) a RabbitMQ quorum queue; on
    /// unless set to <c>false</c>, so the tests and ./run.sh declare what production runs.
    /// </summary>
    public const string QuorumSetting = "WAAS_RABBIT_QUORUM";

    /// <summary>
    /// Adds MassTransit on RabbitMQ: endpoints named kebab-case and prefixed by the service (two services
    /// consuming one event get a queue each), retries, bounded concurrency, the Marten unit of work
    /// (inbox + outbox) around every consumer and saga, and the outbox dispatcher.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator> configure)
    {
        var settings = WaaSSettings.From(builder.Configuration, builder.Environment.IsDevelopment());
        // Quorum queues everywhere (replicated: a queue survives the loss of a broker node). A broker still holding a
        // queue as classic refuses the redeclaration (PRECONDITION_FAILED); infra/up.sh deletes such leftovers first.
        var quorumQueues = !bool.TryParse(builder.Configuration[QuorumSetting], out var quorum) || quorum;
        builder.Services.AddScoped<IOutbox, MartenOutbox>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddScoped<IDurableScheduler, MartenDurableScheduler>();
        builder.Services.AddHostedService<ScheduledMessageDispatcher>();
        builder.Services.AddSingleton<InboxPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<InboxPruner>());
        WaaS.Contracts.DealCorrelation.Declare();

        builder.Services.AddMassTransit(bus =>
        {
            // No phoning home: MassTransit would otherwise report usage to an outside host at start-up.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configure(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(settings.RabbitHost, (ushort)settings.RabbitPort, settings.RabbitVirtualHost, host =>
                {
                    host.Username(settings.RabbitUser);
                    host.Password(settings.RabbitPasswordOrStop);
                });
                rabbit.PrefetchCount = 32;
                rabbit.ConcurrentMessageLimit = 8;
                // Optimistic-concurrency conflicts and brief outages heal on retry; the rest lands in *_error.
                rabbit.UseMessageRetry(retry => retry.Intervals(50, 200, 1000, 3000, 10000));
                rabbit.UseConsumeFilter(typeof(Auditing.AuditConsumeFilter<>), context);
                rabbit.UseConsumeFilter(typeof(UnitOfWorkFilter<>), context);
                if (quorumQueues)
                {
                    // Decided once an endpoint is fully configured (its own callbacks have run), so a temporary or
                    // throw-away endpoint (non-durable, auto-delete, exclusive) stays classic: a quorum queue cannot be
                    // any of those. The lazily declared _error and _skipped queues follow their endpoint.
                    rabbit.ConnectEndpointConfigurationObserver(new QuorumQueues());
                    rabbit.SendTopology.ConfigureErrorSettings = QuorumQueues.Apply;
                    rabbit.SendTopology.ConfigureDeadLetterSettings = QuorumQueues.Apply;
                }
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Persists the saga's state as a Marten document with optimistic concurrency.</summary>
    public static ISagaRegistrationConfigurator<TSaga> MartenRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> saga)
        where TSaga : class, ISaga
    {
        saga.Repository(repository => repository.RegisterSagaRepository<TSaga, IDocumentSession,
            SagaConsumeContextFactory<IDocumentSession, TSaga>, MartenSagaRepositoryContextFactory<TSaga>>());
        return saga;
    }

    /// <summary>Maps the saga document: correlation id as identity, optimistic concurrency.</summary>
    public static StoreOptions AddSagaState<TSaga>(this StoreOptions options) where TSaga : class, ISaga
    {
        options.Schema.For<TSaga>().Identity(x => x.CorrelationId).UseOptimisticConcurrency(true);
        return options;
    }
}
