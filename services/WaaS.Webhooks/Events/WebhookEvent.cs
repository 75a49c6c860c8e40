namespace WaaS.Webhooks.Events;

/// <summary>
/// One event as partners receive it (id = the CloudEvents id and the <c>webhook-id</c>, stable across retries and
/// replays). <see cref="Resellers"/> is the selling reseller and the resellers above it, <see cref="Vendors"/> the
/// vendors whose products it names: who may receive it. <see cref="OnlyFor"/> names the one subscription of a ping.
/// <see cref="Data"/> is the payload JSON of the type's version.
/// </summary>
public sealed record WebhookEvent(
    Guid Id,
    string Type,
    string Source,
    string Subject,
    DateTimeOffset Time,
    IReadOnlyList<Guid> Resellers,
    IReadOnlyList<string> Vendors,
    string Data,
    Guid? OnlyFor = null);

/// <summary>
/// What webhooks knows of a contract from its signing and activation, so later events (a rejection, an extension, an
/// end) carry the reseller, items and amounts without the partner calling back.
/// </summary>
public sealed record ContractFacts(Guid Id, Guid ResellerId, IReadOnlyList<ItemV1> Items, MoneyV1 Monthly, CustomerV1 Customer);
