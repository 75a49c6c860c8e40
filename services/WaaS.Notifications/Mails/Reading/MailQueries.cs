using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Notifications.Mails.Reading;

/// <summary>The delivery queue as operations see it: what is pending, sent, and what keeps failing.</summary>
public static class MailQueries
{
    public static async Task<Ok<IReadOnlyList<MailInfo>>> List(MailStatus? status, Guid? contractId, Guid? quoteId, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<Mail>().AsQueryable();
        query = status is { } s ? query.Where(m => m.Status == s) : query;
        query = contractId is { } c ? query.Where(m => m.ContractId == c) : query;
        query = quoteId is { } q ? query.Where(m => m.QuoteId == q) : query;
        var mails = await query.OrderByDescending(m => m.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<MailInfo>>([.. mails.Select(MailInfo.Of)]);
    }

    public static async Task<Results<Ok<MailInfo>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Mail>(id, ct) is { } mail ? TypedResults.Ok(MailInfo.Of(mail)) : Problems.NotFound("Mail", id);
}
