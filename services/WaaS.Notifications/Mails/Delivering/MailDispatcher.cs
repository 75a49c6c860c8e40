using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using WaaS.Notifications.Documents;

namespace WaaS.Notifications.Mails.Delivering;

/// <summary>
/// Sends due mails. One dispatcher at a time across instances (a PostgreSQL advisory lock), so a mail is handed to the
/// server once; a failed attempt waits by <see cref="DeliveryOptions.Backoff"/>, and after
/// <see cref="DeliveryOptions.MaxAttempts"/> the mail is Failed, listed for operations (GET /mails?status=Failed) to resend.
/// A crash between the server's acceptance and the commit sends it again with the same Message-ID.
/// </summary>
public sealed partial class MailDispatcher(
    IDocumentStore store, SmtpSender smtp, TimeProvider clock, IOptions<DeliveryOptions> options, ILogger<MailDispatcher> logger)
    : BackgroundService
{
    private const long LockKey = 0x5741_6153_4D41_494C; // "WAaSMAIL"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Mail delivery pass failed; trying again");
            }
            // Real time between passes; what is due is judged by the injected clock.
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends what is due now; answers how many mails it tried.</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = LockKey } } })
        {
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
            {
                return 0;
            }
        }
        try
        {
            await using var session = store.LightweightSession();
            var now = clock.GetUtcNow();
            var due = await session.Query<Mail>().Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).Take(50).ToListAsync(ct);
            foreach (var mail in due)
            {
                await DeliverAsync(session, mail, ct);
            }
            return due.Count;
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = LockKey } } };
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task DeliverAsync(IDocumentSession session, Mail mail, CancellationToken ct)
    {
        var attachments = mail.Attachments.Count == 0 ? [] : await session.LoadManyAsync<IssuedDocument>(ct, mail.Attachments);
        mail.Attempts++;
        try
        {
            await smtp.SendAsync(mail, attachments, ct);
            mail.Status = MailStatus.Sent;
            mail.SentAt = clock.GetUtcNow();
            mail.LastError = null;
            LogSent(logger, mail.Kind, mail.To, mail.MessageId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            mail.LastError = $"{ex.GetType().Name}: {ex.Message}";
            if (mail.Attempts >= options.Value.MaxAttempts)
            {
                mail.Status = MailStatus.Failed;
                LogFailed(logger, mail.Kind, mail.To, mail.Attempts, mail.LastError);
            }
            else
            {
                mail.NextAttemptAt = clock.GetUtcNow() + DeliveryOptions.Backoff(mail.Attempts);
                LogRetry(logger, mail.Kind, mail.To, mail.Attempts, mail.NextAttemptAt, mail.LastError);
            }
        }
        session.Store(mail);
        await session.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} to {To} ({MessageId})")]
    private static partial void LogSent(ILogger logger, MailKind kind, string to, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} to {To} failed (attempt {Attempts}); next at {NextAt}: {Error}")]
    private static partial void LogRetry(ILogger logger, MailKind kind, string to, int attempts, DateTimeOffset nextAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} to {To} failed {Attempts} times and waits for operations: {Error}")]
    private static partial void LogFailed(ILogger logger, MailKind kind, string to, int attempts, string error);
}
