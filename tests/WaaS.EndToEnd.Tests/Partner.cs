using MassTransit;

namespace WaaS.EndToEnd.Tests;

/// <summary>An integration partner on the test vhost: publishes to the system and subscribes to its events.</summary>
public static class Partner
{
    /// <summary>A plain MassTransit client on the test vhost, as an integration partner would publish and subscribe.</summary>
    public static IBusControl Bus(Action<IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        return MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(Env("WAAS_RABBIT_HOST", "localhost"), ushort.Parse(Env("WAAS_RABBIT_PORT", "5672")),
                Env("WAAS_RABBIT_VHOST", "waas_test"), h =>
                {
                    h.Username(Env("WAAS_RABBIT_USER", "waas"));
                    h.Password(Env("WAAS_RABBIT_PASSWORD", "waas"));
                });
            configure?.Invoke(cfg);
        });
    }
}
