using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.ServiceDefaults.Writes;

/// <summary>A message depends on another one that has not been handled yet; redelivery tries again.</summary>
public sealed class MessageArrivedEarlyException(string message) : Exception(message);

/// <summary>
/// The write pipeline at the message edge: fetch → decide → stage in the message's session; the unit-of-work filter
/// commits it with the inbox marker. A decision that arrived early throws (so the retry policy redelivers it); a refusal
/// changes nothing and is logged, since a message cannot be answered with a problem.
/// </summary>
public static class MessageWrites
{
    /// <summary>Decides on the aggregate <paramref name="id"/>, which may not exist yet (then the decision's events start it).</summary>
    public static async Task DecideAsync<T>(this ConsumeContext context, Guid id, Func<T?, Decision> decide)
        where T : class =>
        Settle<T>(context, id, await context.GetServiceOrCreateInstance<IDocumentSession>().StageAsync(id, null, decide,
            context.GetServiceOrCreateInstance<IOutbox>(), context.GetServiceOrCreateInstance<IDurableScheduler>(), context.CancellationToken));

    /// <summary>Starts the new stream <paramref name="id"/> (a fresh id, so nothing is read first).</summary>
    public static Task StartAsync<T>(this ConsumeContext context, Guid id, Decision decision)
        where T : class
    {
        Settle<T>(context, id, context.GetServiceOrCreateInstance<IDocumentSession>().StageStart<T>(id, decision,
            context.GetServiceOrCreateInstance<IOutbox>(), context.GetServiceOrCreateInstance<IDurableScheduler>()));
        return Task.CompletedTask;
    }

    private static void Settle<T>(ConsumeContext context, Guid id, Staged staged)
    {
        if (staged.Decision.ArrivedEarly is { } why)
        {
            throw new MessageArrivedEarlyException(why);
        }
        if (staged.Decision.Refused is { } refusal)
        {
            context.GetServiceOrCreateInstance<ILoggerFactory>().CreateLogger(typeof(MessageWrites))
                .LogWarning("{Aggregate} {Id} refused a message: {Rule}: {Message}", typeof(T).Name, id, refusal.Rule, refusal.Message);
        }
    }
}
