using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace WaaS.Accounts.Tests.Api;

/// <summary>Outside Development nothing is defaulted: no signing certificate, no start.</summary>
public sealed class StartupTests
{
    [Fact]
    public void Outside_development_a_missing_signing_certificate_stops_the_service_naming_the_setting()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Production")
            .UseSetting("WAAS_IDENTITY_ISSUER", "https://waas.example.com/")
            .UseSetting("WAAS_IDENTITY_AUTHORITY", "https://waas.example.com/"));

        var start = () => factory.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*WAAS_IDENTITY_SIGNING_CERT is not set*");
    }
}
