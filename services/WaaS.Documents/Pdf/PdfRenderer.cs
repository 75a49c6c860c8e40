using Microsoft.Extensions.Configuration;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace WaaS.Documents.Pdf;

/// <summary>
/// The one way the system turns a document into PDF: its HTML printed by headless Debian <c>chromium</c> (installed by
/// infra/tools.sh, never downloaded), driven by PuppeteerSharp. One browser per process, started on first use; a few
/// pages at a time. JavaScript is off: the templates need none, and a value from a request can then never run.
/// </summary>
public sealed class PdfRenderer(IConfiguration configuration) : IAsyncDisposable
{
    /// <summary>Where the browser is; <c>/usr/bin/chromium</c> unless configured.</summary>
    public const string ChromiumSetting = "WAAS_CHROMIUM";

    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly SemaphoreSlim _pages = new(2, 2);
    private IBrowser? _browser;

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct = default)
    {
        var browser = await BrowserAsync(ct);
        await _pages.WaitAsync(ct);
        try
        {
            await using var page = await browser.NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetContentAsync(html);
            return await page.PdfDataAsync(new PdfOptions { Format = PaperFormat.A4, PrintBackground = true, PreferCSSPageSize = true });
        }
        finally
        {
            _pages.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _start.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }
            var path = configuration[ChromiumSetting] is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"No browser at {path} to render PDFs: run infra/tools.sh as root (apt-get install chromium) or set {ChromiumSetting}.");
            }
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // A loaded machine (a deploy, a test suite on 2 cores) can take longer than the 30 s default to start it.
                Timeout = 120_000,
                // --no-sandbox: services and CI run as root, where chromium refuses its sandbox.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"],
            });
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }
        _start.Dispose();
        _pages.Dispose();
    }
}
