using Marten;
using Microsoft.Extensions.Configuration.Memory;
using WaaS.Notifications.Documents;
using WaaS.Notifications.Mails.Delivering;
using WaaS.Notifications.Mails.Reading;
using WaaS.Notifications.Mails.Resending;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Notifications.Mails;

public static class Config
{
    public static StoreOptions AddMails(this StoreOptions options)
    {
        options.Schema.For<Mail>().Index(m => m.Status).Index(m => m.NextAttemptAt).Index(m => m.ContractId).Index(m => m.QuoteId);
        return options;
    }

    /// <summary>SMTP (Development: the local smtp4dev), the delivery queue, and what consumers need to queue mails and issue documents.</summary>
    public static IHostApplicationBuilder AddMailDelivery(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?>
                {
                    ["Smtp:Host"] = "localhost",
                    ["Smtp:Port"] = "2525",
                    ["Smtp:Security"] = "None",
                    ["Smtp:From"] = "WaaS Distribution <noreply@waas.example>",
                    [Recipients.Recipients.ResellerFallbackSetting] = "channel-desk@waas.example",
                },
            });
        }
        builder.Services.AddOptions<SmtpSettings>().Bind(builder.Configuration.GetSection(SmtpSettings.Section))
            .Validate(s => s.Host.Length > 0 && s.From.Length > 0, "Smtp:Host and Smtp:From must be configured: mail goes through a real server.")
            .ValidateOnStart();
        builder.Services.AddOptions<DeliveryOptions>().Bind(builder.Configuration.GetSection(DeliveryOptions.Section));
        builder.Services.AddSingleton<SmtpSender>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        builder.Services.AddScoped<MailQueue>();
        builder.Services.AddScoped<DocumentIssuer>();
        builder.Services.AddScoped<Recipients.Recipients>();
        return builder;
    }

    /// <summary>The delivery queue is the distributor's: operations see every mail's state and resend.</summary>
    public static IEndpointRouteBuilder MapMails(this IEndpointRouteBuilder app)
    {
        var mails = app.MapGroup("/mails").WithTags("Mails");
        mails.MapGet("/", MailQueries.List).For(Party.Distributor);
        mails.MapGet("/{id:guid}", MailQueries.Get).For(Party.Distributor);
        mails.MapPost("/{id:guid}/resend", ResendMail.Handle).For(Party.Operations);
        return app;
    }
}
