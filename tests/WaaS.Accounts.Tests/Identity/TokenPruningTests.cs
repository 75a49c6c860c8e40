using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Accounts.Identity;
using WaaS.Accounts.Tests.Api;
using WaaS.Testing;
using Xunit;

namespace WaaS.Accounts.Tests.Identity;

[Collection(AccountsCollection.Name)]
public sealed class TokenPruningTests(AccountsApi api)
{
    [Fact]
    public async Task Rows_of_tokens_that_ended_more_than_two_weeks_ago_are_pruned_and_fresh_ones_stay()
    {
        using var http = api.CreateClient();
        await TokenClient.AccessTokenAsync(http, "distributor-backoffice", "backoffice-dev-secret");
        var issuedBefore = api.Clock.GetUtcNow();
        (await RowsCreatedBeforeAsync(issuedBefore.AddMinutes(1))).Should().BeGreaterThan(0, "every issued token has a row");

        api.Clock.Advance(IssuedTokenPruner.Retention + TimeSpan.FromHours(1));
        await TokenClient.AccessTokenAsync(http, "distributor-backoffice", "backoffice-dev-secret"); // a fresh one

        var pruned = await api.Services.GetRequiredService<IssuedTokenPruner>().PruneAsync(CancellationToken.None);

        pruned.Should().BeGreaterThan(0);
        (await RowsCreatedBeforeAsync(issuedBefore.AddMinutes(1))).Should().Be(0, "tokens that expired over two weeks ago are gone");
        (await RowsCreatedBeforeAsync(api.Clock.GetUtcNow().AddMinutes(1))).Should().BeGreaterThan(0, "the fresh token's row stays");
    }

    private async Task<long> RowsCreatedBeforeAsync(DateTimeOffset instant)
    {
        await using var database = ServiceApi<Program>.Database();
        await using var count = database.CreateCommand($"""select count(*) from {api.Schema}."OpenIddictTokens" where "CreationDate" < $1""");
        count.Parameters.AddWithValue(instant.UtcDateTime);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
