using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using WaaS.ServiceDefaults.Security;
using WaaS.Testing;
using Xunit;

namespace WaaS.Contracting.Tests;

/// <summary>
/// The contract service in-process on the real PostgreSQL (a schema of its own) and RabbitMQ (WAAS_API_VHOST): the
/// test clock is part of a host only when WAAS_TEST_CLOCK=1 says so.
/// </summary>
[Collection(Api.ContractingApiCollection.Name)]
public sealed class TestClockApiTests : IAsyncLifetime
{
    private readonly string _schema = $"api_{Guid.NewGuid():N}"[..20];

    private WebApplicationFactory<Program> Host(bool testClock) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("WAAS_SCHEMA", _schema);
            web.UseSetting(SecurityExtensions.TestSigningKeySetting, TestTokens.SigningKey);
            web.UseSetting("WAAS_RABBIT_VHOST", Environment.GetEnvironmentVariable("WAAS_API_VHOST") ?? "waas_test_api");
            if (testClock)
            {
                web.UseSetting("WAAS_TEST_CLOCK", "1");
            }
        });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        await using var dataSource = NpgsqlDataSource.Create(
            $"Host={Env("WAAS_PG_HOST", "localhost")};Port={Env("WAAS_PG_PORT", "5432")};Username={Env("WAAS_PG_USER", "waas")};" +
            $"Password={Env("WAAS_PG_PASSWORD", "waas")};Database={Env("WAAS_PG_DATABASE", "waas_test")}");
        await using var command = dataSource.CreateCommand($"drop schema if exists {_schema} cascade");
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_production_host_has_no_test_clock_and_a_test_host_moves_only_forward()
    {
        await using (var production = Host(testClock: false))
        {
            using var client = Operator(production);
            (await client.GetAsync("/test/clock")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.PostAsJsonAsync("/test/clock", new { advanceBy = "30.00:00:00" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        await using var test = Host(testClock: true);
        using var http = Operator(test);
        (await test.CreateClient().GetAsync("/test/clock")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var before = await http.GetFromJsonAsync<Reading>("/test/clock");
        var moved = await (await http.PostAsJsonAsync("/test/clock", new { advanceBy = "30.00:00:00" })).Content.ReadFromJsonAsync<Reading>();
        moved!.Now.Should().BeOnOrAfter(before!.Now.AddDays(30));
        moved.Offset.Should().Be(TimeSpan.FromDays(30));
        (await http.PostAsJsonAsync("/test/clock", new { advanceBy = "-1.00:00:00" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static HttpClient Operator(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(As.Operations));
        return client;
    }

    private sealed record Reading(DateTimeOffset Now, TimeSpan Offset);
}
