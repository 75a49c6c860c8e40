using System.Security.Cryptography;
using System.Text;
using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.Credit.Bureau;
using WaaS.Credit.Checks.Checking;
using WaaS.Credit.Customers;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Credit.Checks.Rechecking;

/// <summary>
/// An extension is new exposure: its added rates count towards the customer's exposure at once, and the customer is
/// checked again by the same rules. Light when its standing is unchanged: a fresh stored bureau report is reused, and a
/// customer still within its limit and not in dunning is approved without any outside call. The extension is already
/// agreed, so a re-check never rejects: a customer whose standing changed (dunning, insolvency, over its limit) is
/// referred to the risk team's worklist, which decides what follows. The deal saga is not involved (nothing is
/// published): the contract runs on.
/// </summary>
public sealed class ContractExtendedConsumer(TimeProvider clock, CreditBureau bureau) : IConsumer<ContractExtended>
{
    public async Task Consume(ConsumeContext<ContractExtended> context)
    {
        var e = context.Message;
        var session = context.GetServiceOrCreateInstance<IDocumentSession>();
        var ct = context.CancellationToken;
        var checkId = RecheckExtension.CheckId(e.ContractId, e.ExtensionNumber);
        if (await session.LoadAsync<CreditCheck>(checkId, ct) is not null)
        {
            return; // this extension was re-checked already (a replay under a new message id)
        }
        var link = await session.LoadAsync<ContractLink>(e.ContractId, ct)
            ?? throw new MessageArrivedEarlyException($"Contract {e.ContractId} is not known to credit yet (ContractActivated first).");
        var exposure = await session.LoadAsync<CustomerExposure>(link.CustomerKey, ct)
            ?? throw new MessageArrivedEarlyException($"Customer {link.CustomerKey} has no exposure yet.");
        var now = clock.GetUtcNow();
        var customer = new Customer(exposure.CompanyName, exposure.Country, exposure.VatId, "", AccountId: exposure.AccountId);
        var added = e.AddedMonths * e.Monthly.Net;
        var before = exposure.Total(CheckCreditConsumer.Today(now));
        exposure.Extended(e, now);
        var answer = await CheckCreditConsumer.AnswerAsync(bureau, exposure, CheckKind.Extension, customer, now, ct);
        var evaluation = CreditPolicy.Evaluate(new CreditFacts(link.CustomerKey, customer, CheckKind.Extension, added, before, exposure.InDunning, answer));

        await context.StartAsync<CreditCheck>(checkId, RecheckExtension.Decide(checkId, e, customer, evaluation, now));
        session.Store(exposure);
    }
}

public static class RecheckExtension
{
    /// <summary>The re-check's own stream id, the same for every delivery of one extension (name-based, from contract and extension number).</summary>
    public static Guid CheckId(Guid contractId, int extensionNumber)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"credit-recheck:{contractId}:extension:{extensionNumber}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    public static Decision Decide(Guid checkId, ContractExtended e, Customer customer, CreditEvaluation evaluation, DateTimeOffset now)
    {
        var added = e.AddedMonths * e.Monthly.Net;
        var requested = new CreditCheckRequested(e.ContractId, customer, added, e.AddedMonths, now, e.ResellerId, CheckKind.Extension, evaluation.CustomerKey, checkId);
        return evaluation.Outcome == RuleOutcome.Passed
            ? Decision.Append(requested, new CreditApproved(e.ContractId, added, null, null, now, evaluation))
            : Decision.Append(requested, new CreditReferredToManualReview(e.ContractId, added, evaluation.Reason!, now, evaluation));
    }
}
