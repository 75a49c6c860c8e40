using JasperFx.Events.Projections;
using Marten;

namespace WaaS.Contract.Contracts;

public static class Config
{
    public static void AddContracts(this StoreOptions options)
    {
        options.Projections.Snapshot<RentalContract>(SnapshotLifecycle.Inline);
        options.Schema.For<RentalContract>().Index(c => c.ResellerId);
        options.Schema.For<Signing.SignatureScan>();
    }
}
