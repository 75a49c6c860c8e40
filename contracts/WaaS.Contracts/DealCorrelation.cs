using MassTransit;

namespace WaaS.Contracts;

/// <summary>
/// Every message about a deal carries its contract id as the MassTransit CorrelationId, declared here once per message
/// with MassTransit's correlation convention: consumers keep one deal's messages in order (the deal saga partitions on
/// it) and a partner can follow a deal. <see cref="SuccessorLinked"/> is about the predecessor's deal.
/// </summary>
public static class DealCorrelation
{
    private static int _declared;

    /// <summary>Declares the convention; every WaaS bus calls it before it starts (repeat calls do nothing).</summary>
    public static void Declare()
    {
        if (Interlocked.Exchange(ref _declared, 1) == 1)
        {
            return;
        }
        MessageCorrelation.UseCorrelationId<QuoteAccepted>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ContractSigned>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ContractActivated>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<DealRejected>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<DealCancelled>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ContractEnded>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ContractExtended>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<SuccessorLinked>(m => m.PredecessorId);
        MessageCorrelation.UseCorrelationId<DealDeadlineMissed>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ContractEndingSoon>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CheckCredit>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CreditApproved>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CreditRejected>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CreditReferredToManualReview>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<RecordCommission>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CommissionPayable>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CreateShipment>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ShipmentCreated>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ShipmentDispatched>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ShipmentDelivered>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ShipmentFailed>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CancelShipment>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<BillingScheduleCreated>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ReturnCaseOpened>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<SellOutReported>(m => m.ContractId);
    }
}
