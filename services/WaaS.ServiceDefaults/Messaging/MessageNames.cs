using System.Collections.Concurrent;
using MassTransit;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Stored outbox rows and scheduled messages name their message by MassTransit's message URN
/// (<c>urn:message:WaaS.Contracts:ContractSigned</c>), not by an assembly-qualified type name: moving a message to
/// another assembly strands nothing, and a message that must change its namespace keeps its old name with
/// <see cref="MessageUrnAttribute"/>. The name resolves back to a type among the WaaS assemblies of this process.
/// </summary>
public static class MessageNames
{
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    /// <summary>The stable name stored for <paramref name="type"/>.</summary>
    public static string Of(Type type)
    {
        var name = MessageUrn.ForTypeString(type);
        Types.TryAdd(name, type);
        return name;
    }

    /// <summary>The message type a stored name stands for.</summary>
    public static Type Resolve(string name)
    {
        if (Types.TryGetValue(name, out var known))
        {
            return known;
        }
        var found = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("WaaS.", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .FirstOrDefault(t => MessageUrn.ForTypeString(t) == name)
            ?? throw new InvalidOperationException($"No message type in this process is named '{name}'.");
        return Types.GetOrAdd(name, found);
    }
}
