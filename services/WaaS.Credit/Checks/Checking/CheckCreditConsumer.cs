using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Credit.Checks.Checking;

/// <summary>
/// The contract service asks whether the customer is good for the exposure; the policy approves, rejects or refers it
/// to an operator, and the outcome goes back through the outbox in the same commit. A redelivery is dropped by the
/// inbox; a replay under a new message id is refused by <see cref="CreditCheckRules.CheckOncePerContract"/>.
/// </summary>
public sealed class CheckCreditConsumer(TimeProvider clock) : IConsumer<CheckCredit>
{
    public Task Consume(ConsumeContext<CheckCredit> context) =>
        context.DecideAsync<CreditCheck>(context.Message.ContractId, existing => Decide(existing, context.Message, clock.GetUtcNow()));

    public static Decision Decide(CreditCheck? existing, CheckCredit request, DateTimeOffset now)
    {
        if (CreditCheckRules.CheckOncePerContract(existing) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var id = request.ContractId;
        var requested = new CreditCheckRequested(id, request.Customer, request.Exposure, request.TermMonths, now, request.ResellerId);
        if (CreditPolicy.RejectionReason(request) is { } rejection)
        {
            return Decision.Append(requested, new CreditRejected(id, rejection, null, now))
                .AndPublish(new Contracts.CreditRejected(id, rejection, now));
        }
        if (CreditPolicy.ExposureNeedsReview(request) is { } referral)
        {
            return Decision.Append(requested, new CreditReferredToManualReview(id, request.Exposure, referral, now))
                .AndPublish(new Contracts.CreditReferredToManualReview(id, request.Exposure, referral, now));
        }
        return Decision.Append(requested, new CreditApproved(id, request.Exposure, null, null, now))
            .AndPublish(new Contracts.CreditApproved(id, request.Exposure, now));
    }
}
