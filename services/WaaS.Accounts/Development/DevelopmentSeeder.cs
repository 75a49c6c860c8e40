using Marten;
using OpenIddict.Abstractions;
using WaaS.Accounts.Accounts;
using WaaS.Accounts.Identity;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WaaS.Accounts.Development;

/// <summary>
/// Seeds <see cref="DevelopmentTenants"/> on every start in Development only: accounts (as events, once), users,
/// client grants and OpenIddict applications (upserted). Each start re-announces the seeded accounts' state
/// (AccountChanged through the outbox) so services that started later learn it; copies ignore what they hold already.
/// </summary>
internal sealed class DevelopmentSeeder(IServiceProvider services, TimeProvider clock, ILogger<DevelopmentSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await SeedAccountsAsync(provider, cancellationToken);
        await SeedPrincipalsAsync(provider, cancellationToken);
        await SeedApplicationsAsync(provider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        logger.LogInformation("Development tenant set seeded (services/WaaS.Accounts/README.md)");
    }

    private async Task SeedAccountsAsync(IServiceProvider provider, CancellationToken ct)
    {
        var store = provider.GetRequiredService<IDocumentStore>();
        var now = clock.GetUtcNow();
        await using (var session = store.LightweightSession())
        {
            session.CorrelationId = "development-seed";
            session.LastModifiedBy = AuditHeaders.SystemSubject;
            foreach (var seed in DevelopmentTenants.Accounts)
            {
                if (await session.Events.FetchStreamStateAsync(seed.Id, ct) is not null)
                {
                    continue;
                }
                var events = new List<object>
                {
                    new AccountOpened(seed.Id, seed.Kind, seed.Name, seed.ParentId, seed.VendorName, Active: true,
                        ParentMaySell: seed.ParentId is not null && seed.Kind == AccountKind.Reseller, now),
                };
                if (seed.Agreement)
                {
                    events.Add(new ResellerAgreementFiled(seed.Id, DevelopmentTenants.AgreementsSignedOn, $"dev://agreements/{seed.Id}.pdf", now));
                }
                session.Events.StartStream<Account>(seed.Id, [.. events]);
            }
            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception ex) when (ServiceDefaults.Writes.StreamWrites.IsConcurrencyConflict(ex))
            {
                logger.LogInformation("Another instance seeded the development accounts first");
            }
        }

        var announce = provider.GetRequiredService<IDocumentSession>();
        var outbox = provider.GetRequiredService<IOutbox>();
        var ids = DevelopmentTenants.Accounts.Select(a => a.Id).ToArray();
        foreach (var account in await announce.Query<Account>().Where(a => a.Id.IsOneOf(ids)).ToListAsync(ct))
        {
            outbox.Publish(account.ToMessage());
        }
        await announce.SaveChangesAsync(ct);
    }

    private static async Task SeedPrincipalsAsync(IServiceProvider provider, CancellationToken ct)
    {
        await using var session = provider.GetRequiredService<IDocumentStore>().LightweightSession();
        foreach (var seed in DevelopmentTenants.Users)
        {
            var user = new AccountUser(seed.Id, seed.Email, seed.Name, seed.TenantId, [seed.Role], "");
            session.Store(user with { PasswordHash = LoginPage.Hash(user, DevelopmentTenants.Password) });
        }
        foreach (var client in DevelopmentTenants.MachineClients)
        {
            session.Store(new ClientGrant(client.ClientId, [.. client.Tenants.Select(t => new TenantGrant(t.TenantId, [t.Role]))]));
        }
        await session.SaveChangesAsync(ct);
    }

    private static async Task SeedApplicationsAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        foreach (var client in DevelopmentTenants.MachineClients)
        {
            await UpsertAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.Secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = client.DisplayName,
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + WaaSClaims.ApiScope,
                },
            }, ct);
        }

        var console = new OpenIddictApplicationDescriptor
        {
            ClientId = DevelopmentTenants.ConsoleClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "WaaS console (people: operations, finance, reseller staff, customers)",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + WaaSClaims.ApiScope,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in DevelopmentTenants.ConsoleRedirectUris)
        {
            console.RedirectUris.Add(new Uri(uri));
        }
        await UpsertAsync(applications, console, ct);
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
            return;
        }
        try
        {
            await applications.CreateAsync(descriptor, ct);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or OpenIddictExceptions.ValidationException)
        {
            // Another instance registered it at the same moment; it is the same descriptor.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
