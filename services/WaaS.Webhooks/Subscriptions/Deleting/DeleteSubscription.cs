using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Delivery;

namespace WaaS.Webhooks.Subscriptions.Deleting;

/// <summary>Deletes a subscription and drops what was still queued for it; nothing more is sent.</summary>
public static class DeleteSubscription
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, Caller caller, IDocumentSession session, DeliveryQueue queue, CancellationToken ct)
    {
        if (await session.FindAsync(id, caller, ct) is not { } subscription)
        {
            return Problems.NotFound("Subscription", id);
        }
        await queue.EnsureAsync(ct);
        session.Delete(subscription);
        queue.Drop(session, id);
        await session.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
