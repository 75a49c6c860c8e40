using System.Diagnostics;
using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Moves committed outbox messages to RabbitMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so two
/// instances of a service never publish the same batch; a crash between publish and delete republishes
/// with the same MessageId, which the consumers' inbox drops.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IDocumentStore store,
    NpgsqlDataSource dataSource,
    OutboxSignal signal,
    IBus bus,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // Only a safety net: a commit in this process wakes the dispatcher at once.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schema = store.Options.DatabaseSchemaName;
        var table = $"{schema}.mt_doc_outboxmessage";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(table, stoppingToken) == BatchSize)
                {
                }
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Infrastructure hiccup: keep the messages and try again shortly.
                LogDispatchFailed(logger, ex);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(string table, CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        await using var transaction = await connection.BeginTransactionAsync(token);

        var batch = new List<(Guid Id, string Type, string Body, string? TraceParent, string? TraceState, string? Headers)>();
        await using (var select = new NpgsqlCommand(
            $"select id, data->>'MessageType', data->>'Body', data->>'TraceParent', data->>'TraceState', data->>'Headers' from {table} " +
            $"order by (data->>'Sequence')::bigint limit {BatchSize} for update skip locked", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(token))
        {
            while (await reader.ReadAsync(token))
            {
                batch.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        foreach (var (id, typeName, body, traceParent, traceState, headersJson) in batch)
        {
            var type = MessageNames.Resolve(typeName);
            var message = JsonSerializer.Deserialize(body, type, MessageJson.Options)!;
            // Publish under the trace of whatever caused the message, not under this background loop.
            using var activity = ActivityContext.TryParse(traceParent, traceState, out var cause)
                ? OutboxTelemetry.Source.StartActivity($"outbox {type.Name}", ActivityKind.Internal, cause)
                : null;
            activity?.SetTag("messaging.message.id", id);
            // CorrelationId comes from the message-correlation convention (WaaS.Contracts.DealCorrelation).
            // The audit headers name who caused the message (Auditing/Audit.cs); its consumer records the same.
            var headers = headersJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(headersJson);
            await bus.Publish(message, type, ctx =>
            {
                ctx.MessageId = id;
                foreach (var (name, value) in headers ?? [])
                {
                    ctx.Headers.Set(name, value);
                }
            }, token);
        }

        if (batch.Count > 0)
        {
            await using var delete = new NpgsqlCommand($"delete from {table} where id = any(@ids)", connection, transaction);
            delete.Parameters.AddWithValue("ids", batch.Select(b => b.Id).ToArray());
            await delete.ExecuteNonQueryAsync(token);
        }
        await transaction.CommitAsync(token);
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}

/// <summary>The activity source of the outbox dispatcher (registered with OpenTelemetry in AddServiceDefaults).</summary>
public static class OutboxTelemetry
{
    public const string SourceName = "WaaS.Outbox";

    public static readonly ActivitySource Source = new(SourceName);
}
