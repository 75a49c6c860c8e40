using System.Text;

namespace WaaS.Benchmarks;

/// <summary>Turns the deals' measurements into a plain text table.</summary>
public static class Report
{
    private static readonly Dictionary<Phase, string> Labels = new()
    {
        [Phase.QuoteCreate] = "quote create (POST)",
        [Phase.AcceptToDraft] = "accept -> contract draft visible",
        [Phase.SignBoth] = "customer + distributor signature (2 POSTs)",
        [Phase.SagaChain] = "countersigned -> credit, commission, shipment",
        [Phase.Dispatch] = "dispatch (GET items + POST)",
        [Phase.DeliveryToActive] = "delivery -> Active, billing, sell-out",
        [Phase.WholeDeal] = "whole deal",
    };

    /// <summary>Which deal history step causes which, in the order the saga goes through them.</summary>
    private static readonly Dictionary<string, string> Causes = new()
    {
        ["CreditApproved"] = "ContractSigned",
        ["CommissionPayable"] = "CreditApproved",
        ["ShipmentCreated"] = "CreditApproved",
        ["BillingScheduleCreated"] = "ContractActivated",
        ["SellOutReported"] = "ContractActivated",
    };

    public static string Render(Options options, IReadOnlyList<DealResult> results, TimeSpan wall, long requests)
    {
        var ok = results.Where(r => r.FailedIn is null).ToList();
        var failed = results.Where(r => r.FailedIn is not null).ToList();
        var text = new StringBuilder();
        text.AppendLine($"WaaS deal benchmark: {options.Deals} deals, concurrency {options.Concurrency}, gateway {options.Gateway}, " +
                        $"poll {options.PollInterval.TotalMilliseconds:0} ms, warm-up {options.Warmup}");
        text.AppendLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                        $".NET {Environment.Version}");
        text.AppendLine();
        text.AppendLine($"wall time          {wall.TotalSeconds,10:0.00} s");
        text.AppendLine($"completed deals    {ok.Count,10} of {results.Count}");
        text.AppendLine($"deals per second   {ok.Count / wall.TotalSeconds,10:0.00}");
        text.AppendLine($"HTTP requests      {requests,10} ({requests / wall.TotalSeconds:0} per s, polls included)");
        text.AppendLine($"failed deals       {failed.Count,10}");
        if (failed.Count > 0)
        {
            var first = failed[0];
            text.AppendLine($"first error        in {Labels[first.FailedIn!.Value]}: {first.Error}");
        }
        text.AppendLine();

        var rows = Enum.GetValues<Phase>()
            .Select(p => (Labels[p], ok.Select(r => r.Milliseconds[p]).ToList()))
            .ToList();
        Table(text, "phase (client side, completed deals)", rows);

        // Where the time goes inside the system: each saga step against the step that caused it, by the time stamps
        // the services put on their events (one machine, one clock). Client-driven steps (signing, dispatch,
        // delivery) have no cause here; their gaps are the client's own pace.
        var gaps = Causes.Keys.ToDictionary(step => step, _ => new List<double>());
        foreach (var deal in ok)
        {
            foreach (var (step, at) in deal.History)
            {
                if (Causes.TryGetValue(step, out var cause) && deal.History.FirstOrDefault(h => h.Step == cause) is { Step: not null } before)
                {
                    gaps[step].Add((at - before.At).TotalMilliseconds);
                }
            }
        }
        text.AppendLine();
        Table(text, "saga hop: cause -> effect (server time stamps)", [.. Causes.Select(c => ($"{c.Value} -> {c.Key}", gaps[c.Key]))]);
        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IReadOnlyList<(string Name, List<double> Values)> rows)
    {
        var width = Math.Max(title.Length, rows.Max(r => r.Name.Length)) + 2;
        text.AppendLine($"{title.PadRight(width)}{"n",6}{"p50 ms",10}{"p95 ms",10}{"max ms",10}");
        text.AppendLine(new string('-', width + 36));
        foreach (var (name, values) in rows)
        {
            values.Sort();
            text.AppendLine(values.Count == 0
                ? $"{name.PadRight(width)}{0,6}{"-",10}{"-",10}{"-",10}"
                : $"{name.PadRight(width)}{values.Count,6}{Percentile(values, 50),10:0}{Percentile(values, 95),10:0}{values[^1],10:0}");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
