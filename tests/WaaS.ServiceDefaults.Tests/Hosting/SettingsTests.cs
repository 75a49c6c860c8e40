using FluentAssertions;
using Microsoft.Extensions.Configuration;
using WaaS.ServiceDefaults;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Hosting;

/// <summary>No default secrets outside Development: a process that connects without a configured password stops, naming it.</summary>
public sealed class SettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Outside_Development_an_unset_database_or_broker_password_stops_the_process_naming_the_setting()
    {
        var settings = WaaSSettings.From(Config(), development: false);

        var database = () => settings.PostgresConnectionString;
        var broker = () => settings.RabbitPasswordOrStop;

        database.Should().Throw<InvalidOperationException>().WithMessage("WAAS_PG_PASSWORD is not set*no default*");
        broker.Should().Throw<InvalidOperationException>().WithMessage("WAAS_RABBIT_PASSWORD is not set*");
    }

    [Fact]
    public void Configured_passwords_are_used_and_Development_alone_has_a_default()
    {
        WaaSSettings.From(Config(("WAAS_PG_PASSWORD", "s3cret"), ("WAAS_RABBIT_PASSWORD", "r4bbit")), development: false)
            .Should().Match<WaaSSettings>(s => s.PostgresConnectionString.Contains("Password=s3cret;") && s.RabbitPasswordOrStop == "r4bbit");
        WaaSSettings.From(Config(), development: true).PostgresConnectionString.Should().Contain($"Password={WaaSSettings.DevelopmentPassword};");
    }
}
