using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Logistics.Shipments;

public sealed record FailureRequest(string? Reason);

public sealed record DispatchRequest(string? Carrier, string? TrackingNumber, IReadOnlyList<ShippedDevice>? Devices);

public static class ShipmentEndpoints
{
    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Shipment>(id, ct) is { } shipment ? TypedResults.Ok(shipment) : Problems.NotFound("Shipment", id);

    public static async Task<Results<Ok<IReadOnlyList<Shipment>>, ProblemHttpResult>> ByContract(Guid? contractId, IQuerySession session, CancellationToken ct) =>
        contractId is null
            ? Problems.Invalid("contractId", "Required", "Filter by 'contractId'.")
            : TypedResults.Ok(await session.Query<Shipment>().Where(s => s.ContractId == contractId).ToListAsync(ct));

    /// <summary>Hands the devices to a carrier; every device unit of the order needs its own serial number.</summary>
    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Dispatch(
        Guid id, DispatchRequest request, IDocumentSession session, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Shipment>(id, ct);
        if (stream.Aggregate is not { } shipment)
        {
            return Problems.NotFound("Shipment", id);
        }
        if (shipment.Status != ShipmentStatus.Pending)
        {
            return Problems.Conflict("DispatchOnce", $"The shipment is already {shipment.Status}.");
        }
        var validation = ValidateDispatch(request, shipment);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var now = clock.GetUtcNow();
        var devices = request.Devices!.Select(d => d with { Sku = d.Sku.Trim(), SerialNumber = d.SerialNumber.Trim() }).ToList();
        stream.AppendOne(new ShipmentHandedToCarrier(id, request.Carrier!.Trim(), request.TrackingNumber!.Trim(), devices, now));
        outbox.Publish(new ShipmentDispatched(id, shipment.ContractId, request.Carrier.Trim(), request.TrackingNumber.Trim(), devices, now));
        return await Save(id, session, ct);
    }

    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Deliver(
        Guid id, IDocumentSession session, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Shipment>(id, ct);
        if (stream.Aggregate is not { } shipment)
        {
            return Problems.NotFound("Shipment", id);
        }
        if (shipment.Status != ShipmentStatus.Dispatched)
        {
            return Problems.Conflict("DeliverAfterDispatch", $"The shipment is {shipment.Status}; only a dispatched shipment can be delivered.");
        }
        var now = clock.GetUtcNow();
        stream.AppendOne(new ShipmentArrived(id, now));
        outbox.Publish(new ShipmentDelivered(id, shipment.ContractId, now));
        return await Save(id, session, ct);
    }

    /// <summary>
    /// A pending shipment that cannot go out fails; a dispatched one the carrier brings back is returned undelivered.
    /// Either way the deal waits for operations to ship again or cancel.
    /// </summary>
    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Fail(
        Guid id, FailureRequest request, IDocumentSession session, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problems.Invalid("reason", "Required", "'reason' says what went wrong.");
        }
        var stream = await session.Events.FetchForWriting<Shipment>(id, ct);
        if (stream.Aggregate is not { } shipment)
        {
            return Problems.NotFound("Shipment", id);
        }
        var failure = shipment.Status switch
        {
            ShipmentStatus.Pending => ShipmentFailure.NotDispatched,
            ShipmentStatus.Dispatched => ShipmentFailure.ReturnedUndelivered,
            _ => (ShipmentFailure?)null,
        };
        if (failure is null)
        {
            return Problems.Conflict("FailOnlyOpenShipments", $"The shipment is {shipment.Status}; only a pending or dispatched shipment can fail.");
        }
        var now = clock.GetUtcNow();
        stream.AppendOne(new ShipmentWentWrong(id, failure.Value, request.Reason.Trim(), now));
        outbox.Publish(new ShipmentFailed(id, shipment.ContractId, failure.Value, request.Reason.Trim(), now));
        return await Save(id, session, ct);
    }

    private static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Save(Guid id, IDocumentSession session, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ConcurrentChange", "The shipment changed at the same time; reload and retry.");
        }
        return TypedResults.Ok((await session.LoadAsync<Shipment>(id, ct))!);
    }

    private static Validation ValidateDispatch(DispatchRequest request, Shipment shipment)
    {
        var validation = new Validation()
            .Required(request.Carrier, "carrier")
            .Required(request.TrackingNumber, "trackingNumber")
            .Require(request.Devices is { Count: > 0 }, "devices", "Required", "List every device with its serial number.");
        if (request.Devices is not { Count: > 0 } devices)
        {
            return validation;
        }
        validation.Require(devices.All(d => !string.IsNullOrWhiteSpace(d.Sku) && !string.IsNullOrWhiteSpace(d.SerialNumber)),
            "devices", "SerialNumberRequired", "Every device needs a sku and a serial number.");
        var serials = devices.Select(d => d.SerialNumber?.Trim()).Where(s => !string.IsNullOrEmpty(s)).ToList();
        validation.Require(serials.Distinct(StringComparer.OrdinalIgnoreCase).Count() == serials.Count,
            "devices", "SerialNumberUnique", "Each serial number may appear once.");
        foreach (var item in shipment.Items)
        {
            var count = devices.Count(d => string.Equals(d.Sku?.Trim(), item.Sku, StringComparison.OrdinalIgnoreCase));
            validation.Require(count == item.Quantity, "devices", "OneSerialPerDevice",
                $"The order holds {item.Quantity} × {item.Sku}; {count} serial numbers were given.");
        }
        var unknown = devices.Select(d => d.Sku?.Trim()).Where(s => shipment.Items.All(i => !string.Equals(i.Sku, s, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
        validation.Require(unknown.Count == 0, "devices", "DeviceInOrder", $"Not in this shipment: {string.Join(", ", unknown)}.");
        return validation;
    }
}
