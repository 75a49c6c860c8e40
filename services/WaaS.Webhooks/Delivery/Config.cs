namespace WaaS.Webhooks.Delivery;

public static class Config
{
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => WebhookSettings.From(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<DeliveryQueue>();
        builder.Services.AddSingleton<Sender>();
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }
}
