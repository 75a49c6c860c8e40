using WaaS.Contracts;

namespace WaaS.Returns.ReturnCases;

public static class ReturnPolicy
{
    /// <summary>Days after the contract's last day by which the devices must be back.</summary>
    public const int ReturnWindowDays = ReturnTerms.WindowDays;

    /// <summary>The day the devices of a contract that ended on <paramref name="endDate"/> must be back by.</summary>
    public static DateOnly Deadline(DateOnly endDate) => endDate.AddDays(ReturnWindowDays);
}
