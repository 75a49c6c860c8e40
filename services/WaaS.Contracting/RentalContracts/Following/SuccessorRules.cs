using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Following;

/// <summary>
/// A successor contract swaps the old devices for new ones and keeps services running (DOMAIN.md, steps 8–9):
/// the new devices must arrive before the old ones are due back, so they are due by the predecessor's last day.
/// </summary>
public static class SuccessorRules
{
    /// <summary>Days logistics needs at least between the order and the delivery.</summary>
    public const int MinimumDeliveryLeadDays = 5;

    public static DateOnly ReturnDeadline(RentalContract predecessor) => predecessor.EndDate!.Value.AddDays(ReturnTerms.WindowDays);

    public static Refusal? Check(RentalContract successor, RentalContract predecessor, DateOnly today)
    {
        if (successor.Id == predecessor.Id)
        {
            return Refusal.Broken("SuccessorIsAnotherContract", "A contract cannot succeed itself.", "predecessorId");
        }
        if (successor.Status != ContractStatus.Draft)
        {
            return Refusal.Conflict("LinkSuccessorBeforeSigning", $"The successor is {successor.Status}; link it while it is a draft.");
        }
        if (successor.PredecessorId is not null)
        {
            return Refusal.Conflict("OnePredecessorPerContract", $"The successor already follows {successor.PredecessorId}.");
        }
        if (predecessor.Status != ContractStatus.Active)
        {
            return Refusal.Conflict("PredecessorMustBeActive", $"The predecessor is {predecessor.Status}; only a running contract can be followed.");
        }
        if (predecessor.SuccessorId is not null)
        {
            return Refusal.Conflict("OneSuccessorPerContract", $"The predecessor already has the successor {predecessor.SuccessorId}.");
        }
        if (successor.ResellerId != predecessor.ResellerId)
        {
            return Refusal.Broken("SuccessorFromSameReseller", "The successor must be sold by the predecessor's reseller.", "predecessorId");
        }
        if (!string.Equals(successor.Customer.CompanyName.Trim(), predecessor.Customer.CompanyName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Broken("SuccessorForSameCustomer", "The successor must be for the predecessor's customer.", "predecessorId");
        }
        if (today.AddDays(MinimumDeliveryLeadDays) > ReturnDeadline(predecessor))
        {
            return Refusal.Broken("SuccessorDevicesBeforeReturnDeadline",
                $"New devices need {MinimumDeliveryLeadDays} days; they could not arrive before the old ones are due back on {ReturnDeadline(predecessor):yyyy-MM-dd}.", "predecessorId");
        }
        return null;
    }

    /// <summary>
    /// The new devices are due by the predecessor's last day so services continue without a gap; when that day is
    /// too close for delivery, at the latest by the return deadline.
    /// </summary>
    public static DateOnly DevicesDueBy(RentalContract predecessor, DateOnly today)
    {
        var earliest = today.AddDays(MinimumDeliveryLeadDays);
        var lastDay = predecessor.EndDate!.Value;
        return earliest > lastDay ? ReturnDeadline(predecessor) : lastDay;
    }
}
