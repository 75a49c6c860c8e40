using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using WaaS.Testing;
using Xunit;

namespace WaaS.Notifications.Tests;

/// <summary>The Notifications service in process against PostgreSQL, RabbitMQ, chromium and a real SMTP server on loopback.</summary>
public sealed class NotificationsApi : ServiceApi<Program>
{
    public SmtpReceiver Smtp { get; } = new();

    public NotificationsApi() => Smtp.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Notifications:PollMilliseconds", "100");
        builder.UseSetting("Notifications:MaxAttempts", "3");
    }

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Hands the service a message on one of its queues and waits until it was handled.</summary>
    public async Task DeliverAsync<T>(string consumer, T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await SendAsync($"notifications-{consumer}", message, id);
        await Eventually.HoldsAsync(async () => await InboxMarkersAsync(id) == 1, $"{typeof(T).Name} was not handled", TimeSpan.FromSeconds(90));
    }

    /// <summary>The text of a PDF, read back by poppler's pdftotext (infra/tools.sh installs it).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"waas-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsApiCollection : ICollectionFixture<NotificationsApi>
{
    public const string Name = "Notifications API";
}
