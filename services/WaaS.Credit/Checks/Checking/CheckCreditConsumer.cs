using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.Credit.Bureau;
using WaaS.Credit.Customers;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Credit.Checks.Checking;

/// <summary>
/// The contract service asks whether the customer is good for a deal (or a successor). The consumer gathers the facts
/// (the customer's exposure across its contracts, its dunning, a bureau report: a successor reuses a fresh stored one,
/// the light re-check), the policy evaluates its named rules, and the outcome, its evaluation and the customer's new
/// exposure commit together with the outbox message. A redelivery is dropped by the inbox; a replay under a new
/// message id is refused by <see cref="CreditCheckRules.CheckOncePerContract"/> without asking the bureau.
/// </summary>
public sealed class CheckCreditConsumer(TimeProvider clock, CreditBureau bureau) : IConsumer<CheckCredit>
{
    public async Task Consume(ConsumeContext<CheckCredit> context)
    {
        var request = context.Message;
        var session = context.GetServiceOrCreateInstance<IDocumentSession>();
        if (await session.LoadAsync<CreditCheck>(request.ContractId, context.CancellationToken) is not null)
        {
            await context.DecideAsync<CreditCheck>(request.ContractId, existing => CreditCheckRules.CheckOncePerContract(existing) is { } refused
                ? Decision.Refuse(refused) : Decision.Nothing);
            return;
        }
        var now = clock.GetUtcNow();
        var key = CustomerKey.Of(request.Customer);
        var known = await session.LoadAsync<CustomerExposure>(key, context.CancellationToken);
        var exposure = known ?? CustomerExposure.For(request.Customer);
        exposure.AccountId ??= request.Customer.AccountId;
        var kind = request.PredecessorId is null ? CheckKind.Deal : CheckKind.Successor;
        var answer = await AnswerAsync(bureau, exposure, kind, request.Customer, now, context.CancellationToken);
        var facts = new CreditFacts(key, request.Customer, kind, request.Exposure, exposure.Total(Today(now), excluding: request.ContractId), exposure.InDunning, answer);

        var decision = Decide(null, request, CreditPolicy.Evaluate(facts), now);
        await context.DecideAsync<CreditCheck>(request.ContractId, existing => existing is null ? decision : Decide(existing, request, CreditPolicy.Evaluate(facts), now));
        if (decision.Refused is null && decision.Events.Count > 1)
        {
            if (decision.Events[1] is not CreditRejected)
            {
                exposure.Deal(request.ContractId, request.Exposure, request.TermMonths, now);
            }
            session.Keep(exposure, isNew: known is null);
            session.Store(new ContractLink(request.ContractId, key));
        }
    }

    /// <summary>
    /// A re-check (successor, extension) of a customer whose stored report is still fresh reuses it: the light check;
    /// any change in its standing (dunning, exposure) still shows in the rules. Otherwise the bureau is asked, and its
    /// report kept for the next re-check.
    /// </summary>
    public static async Task<BureauAnswer> AnswerAsync(CreditBureau bureau, CustomerExposure exposure, CheckKind kind, Customer customer, DateTimeOffset now, CancellationToken ct)
    {
        if (kind != CheckKind.Deal && exposure.FreshReport(now, CreditPolicy.StoredReportValidFor) is { } stored)
        {
            return BureauAnswer.Stored(stored, exposure.LastReportAt!.Value);
        }
        var answer = await bureau.AskAsync(new BureauQuery(customer.CompanyName, customer.Country, customer.VatId), ct);
        if (answer.Report is { } report)
        {
            exposure.Reported(report, now);
        }
        return answer;
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The policy's outcome as events and the message back to the deal, correlated by the contract.</summary>
    public static Decision Decide(CreditCheck? existing, CheckCredit request, CreditEvaluation evaluation, DateTimeOffset now)
    {
        if (CreditCheckRules.CheckOncePerContract(existing) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var id = request.ContractId;
        var requested = new CreditCheckRequested(id, request.Customer, request.Exposure, request.TermMonths, now, request.ResellerId,
            evaluation.Kind, evaluation.CustomerKey, PredecessorId: request.PredecessorId);
        return evaluation.Outcome switch
        {
            RuleOutcome.Rejected => Decision.Append(requested, new CreditRejected(id, evaluation.Reason!, null, now, evaluation))
                .AndPublish(new Contracts.CreditRejected(id, evaluation.Reason!, now)),
            RuleOutcome.Referred => Decision.Append(requested, new CreditReferredToManualReview(id, request.Exposure, evaluation.Reason!, now, evaluation))
                .AndPublish(new Contracts.CreditReferredToManualReview(id, request.Exposure, evaluation.Reason!, now)),
            _ => Decision.Append(requested, new CreditApproved(id, request.Exposure, null, null, now, evaluation))
                .AndPublish(new Contracts.CreditApproved(id, request.Exposure, now)),
        };
    }
}
