using System.Diagnostics;
using System.Net;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace WaaS.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class DealFlowTests(WaaSSystem system, ITestOutputHelper output)
{
    private readonly DealDriver _driver = new(system);

    [Fact]
    public async Task An_approved_deal_travels_through_every_service_to_payout_and_activation()
    {
        var clock = Stopwatch.StartNew();
        var quote = await _driver.CreateQuoteAsync(24, ("NB-LAT-5450", 2), ("MON-P2425", 1), ("O365-BE", 2), ("INS-DEV", 2));
        var contractId = await _driver.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _driver.SignBothAsync(contractId);

        // Credit approved and both signed: payday, and logistics gets the order.
        var approved = await _driver.DealAsync(contractId, d => d["commissionPayable"]!.GetValue<bool>() && d["shipmentId"] is not null);
        approved["state"]!.GetValue<string>().Should().Be("AwaitingDispatch");
        var credit = await _driver.EventuallyAsync($"credit/checks/{contractId}", _ => true);
        credit["decision"]!.GetValue<string>().Should().Be("Approved");
        var commission = await _driver.EventuallyAsync($"commission/commissions/{contractId}", _ => true);
        commission["amount"]!.GetValue<decimal>().Should().Be(quote["totalCommission"]!.GetValue<decimal>(), "payday pays exactly what the quote showed");
        commission["amount"]!.GetValue<decimal>().Should().Be(2 * 240m + 48m + 2 * 20m + 2 * 11m);
        commission["resellerId"]!.GetValue<Guid>().Should().Be(_driver.ResellerId);

        var shipmentId = await _driver.ShipmentOfAsync(contractId);
        await _driver.DispatchAsync(shipmentId, ("NB-LAT-5450", $"SN-{contractId:N}-1"), ("NB-LAT-5450", $"SN-{contractId:N}-2"), ("MON-P2425", $"SN-{contractId:N}-3"));
        await _driver.DeliverAsync(shipmentId);

        var active = await _driver.DealAsync(contractId, d =>
            d["state"]!.GetValue<string>() == "Active" && DealDriver.Steps(d).Contains("BillingScheduleCreated") && DealDriver.Steps(d).Contains("SellOutReported"));
        clock.Stop();
        output.WriteLine($"One deal from quote to active with billing and sell-out: {clock.ElapsedMilliseconds} ms");

        DealDriver.Steps(active).Should().ContainInOrder("ContractSigned", "CreditApproved", "ShipmentDispatched", "ShipmentDelivered", "ContractActivated");
        var contract = await _driver.ContractAsync(contractId, c => c["status"]!.GetValue<string>() == "Active");
        contract["startDate"]!.GetValue<string>().Should().NotBeNull();
        var start = DateOnly.Parse(contract["startDate"]!.GetValue<string>());
        DateOnly.Parse(contract["endDate"]!.GetValue<string>()).Should().Be(start.AddMonths(24).AddDays(-1));

        var schedule = await _driver.EventuallyAsync($"billing/schedules/{contractId}", _ => true);
        var instalments = schedule["instalments"]!.AsArray();
        instalments.Should().HaveCount(24);
        instalments[0]!["gross"]!.GetValue<decimal>().Should().Be(quote["monthly"]!["gross"]!.GetValue<decimal>());
        DateOnly.Parse(instalments[23]!["dueDate"]!.GetValue<string>()).Should().Be(start.AddMonths(23));

        var sellOut = await _driver.EventuallyAsync($"vendor-reporting/sell-outs/{contractId}", _ => true);
        sellOut["vendors"]!.AsArray().Select(v => v!.GetValue<string>()).Should().BeEquivalentTo(["Allianz", "Dell", "Microsoft"]);
        var dell = sellOut["entries"]!.AsArray().Single(e => e!["vendor"]!.GetValue<string>() == "Dell")!;
        dell["customerCountry"]!.GetValue<string>().Should().Be("DE");
        dell["products"]!.AsArray().SelectMany(p => p!["serialNumbers"]!.AsArray()).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_rejected_credit_ends_the_deal_without_payout_or_shipment()
    {
        // 36 months × 500 notebooks × 29.90 = 538,200 EUR: above the 500,000 EUR any customer may carry.
        var quote = await _driver.CreateQuoteAsync(36, ("NB-LAT-5450", 500));
        var contractId = await _driver.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _driver.SignBothAsync(contractId);

        var rejected = await _driver.DealInStateAsync(contractId, "Rejected");
        rejected["rejectionReason"]!.GetValue<string>().Should().StartWith("ExposureWithinMaximum");
        var voided = await _driver.ContractAsync(contractId, c => c["status"]!.GetValue<string>() == "Voided");
        voided["voidReason"]!.GetValue<string>().Should().Contain("ExposureWithinMaximum");
        var credit = await _driver.EventuallyAsync($"credit/checks/{contractId}", _ => true);
        credit["decision"]!.GetValue<string>().Should().Be("Rejected");

        // Nothing further happens: no commission, no shipment.
        await Task.Delay(1000);
        (await system.Reseller.GetAsync($"commission/commissions/{contractId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var shipments = await _driver.EventuallyAsync($"logistics/shipments?contractId={contractId}", _ => true);
        shipments.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Ending_a_contract_early_charges_the_rest_of_the_term_and_opens_a_return_case()
    {
        var quote = await _driver.CreateQuoteAsync(12, ("NB-TP-E14", 1), ("O365-BE", 1));
        var contractId = await _driver.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _driver.SignBothAsync(contractId);
        var shipmentId = await _driver.ShipmentOfAsync(contractId);
        await _driver.DispatchAsync(shipmentId, ("NB-TP-E14", $"SN-{contractId:N}"));
        await _driver.DeliverAsync(shipmentId);
        await _driver.ContractAsync(contractId, c => c["status"]!.GetValue<string>() == "Active");

        var purchase = await system.Reseller.PostAsync($"contract/contracts/{contractId}/purchase", null);
        purchase.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await purchase.Content.ReadAsStringAsync()).Should().Contain("NoPurchase");

        var ended = await DealDriver.ExpectAsync(await system.Reseller.PostAsync($"contract/contracts/{contractId}/termination", null), HttpStatusCode.OK);
        // Terminated on the first day: month 1 is invoiced, 11 monthly rates remain.
        ended["terminationFee"]!.GetValue<decimal>().Should().Be(11 * quote["monthly"]!["net"]!.GetValue<decimal>());

        var returns = await _driver.EventuallyAsync($"returns/return-cases?contractId={contractId}", r => r.AsArray().Count == 1);
        returns[0]!["expectedDevices"]![0]!["serialNumber"]!.GetValue<string>().Should().Be($"SN-{contractId:N}");
        var deal = await _driver.DealAsync(contractId, d => d["returnCaseId"] is not null);
        deal["state"]!.GetValue<string>().Should().Be("Ended");
    }
}
