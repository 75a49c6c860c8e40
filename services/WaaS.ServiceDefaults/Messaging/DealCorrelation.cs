using System.Collections.Concurrent;
using System.Reflection;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Every message about a deal names its contract in a <c>ContractId</c> property. The outbox publishes it as the
/// CorrelationId, so a consumer can keep one deal's messages in order (partitioning) and traces can be found by deal.
/// </summary>
public static class DealCorrelation
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Properties = new();

    /// <summary>The contract id a message is about, or null when it names none.</summary>
    public static Guid? Of(object message) =>
        Properties.GetOrAdd(message.GetType(), type => type.GetProperty("ContractId") is { } p && p.PropertyType == typeof(Guid) ? p : null)
            ?.GetValue(message) as Guid?;
}
