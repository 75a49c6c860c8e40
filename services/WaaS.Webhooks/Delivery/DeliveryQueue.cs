using Marten;
using Npgsql;
using WaaS.Webhooks.Subscriptions;

namespace WaaS.Webhooks.Delivery;

/// <summary>A delivery taken from the queue for one attempt.</summary>
public sealed record ClaimedDelivery(Guid Id, Guid SubscriptionId, Guid EventId, int Attempts);

/// <summary>A row of a subscription's queue, as the owner reads it.</summary>
public sealed record DeliveryRow(Guid Id, Guid EventId, string Reason, string State, int Attempts, DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, int? LastStatus);

/// <summary>One attempt in the delivery log.</summary>
public sealed record AttemptRow(long Id, Guid DeliveryId, Guid EventId, string EventType, int Attempt, DateTimeOffset AttemptedAt,
    int? StatusCode, int LatencyMs, string Outcome, string? ResponseExcerpt, string? Error, DateTimeOffset? NextAttemptAt);

/// <summary>
/// The durable per-subscription delivery queue and the delivery log, two plain tables in the service's schema (made on
/// first use). Rows are added in the same transaction as the event they deliver (at-least-once); a claim takes at
/// most one row per subscription (a slow receiver holds one worker at most, and its order is kept) and leases it by
/// the database's clock, so a crashed worker's row is taken again after the lease. Due-ness follows the injected clock.
/// </summary>
public sealed class DeliveryQueue(IDocumentStore store, NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim _ensure = new(1, 1);
    private volatile bool _ensured;

    private string Schema => store.Options.DatabaseSchemaName;
    public string Deliveries => $"{Schema}.webhook_delivery";
    public string Attempts => $"{Schema}.webhook_attempt";
    private string SubscriptionTable => $"{Schema}.mt_doc_subscription";

    /// <summary>
    /// Queues <paramref name="eventId"/> for <paramref name="subscriptionId"/> in <paramref name="session"/>'s transaction.
    /// A new event waits behind the backoff of a failing receiver; a replay or ping asked for now goes now.
    /// </summary>
    public void Enqueue(IDocumentSession session, Guid subscriptionId, Guid eventId, DateTimeOffset eventTime, string reason, DateTimeOffset now,
        bool behindBackoff = true) =>
        session.QueueSqlCommand($"""
            insert into {Deliveries} (id, subscription_id, event_id, event_time, reason, next_attempt_at, created_at)
            select ?, ?, ?, ?, ?, case when ? then greatest(?, (select max(next_attempt_at) from {Deliveries} where subscription_id = ? and state = 'pending'))
                                        else ? end, ?
            """,
            Guid.NewGuid(), subscriptionId, eventId, eventTime, reason, behindBackoff, now, subscriptionId, now, now);

    /// <summary>Leases up to <paramref name="max"/> due deliveries, the oldest of each active subscription with none in flight.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Instances take turns claiming, so two never lease the same subscription's head at once.
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(40141414)", connection, tx))
        {
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        var claimed = new List<ClaimedDelivery>();
        await using (var claim = new NpgsqlCommand($"""
            with heads as (
              select distinct on (d.subscription_id) d.id, d.next_attempt_at
              from {Deliveries} d
              join {SubscriptionTable} s on s.id = d.subscription_id and s.data ->> 'Status' = 'Active'
              where d.state = 'pending' and d.next_attempt_at <= $1
                and not exists (select 1 from {Deliveries} x
                                where x.subscription_id = d.subscription_id and x.state = 'pending' and x.leased_until > now())
              order by d.subscription_id, d.next_attempt_at, d.created_at
            ), picked as (select id from heads order by next_attempt_at limit $2)
            update {Deliveries} d set leased_until = now() + make_interval(secs => $3)
            from picked where d.id = picked.id
            returning d.id, d.subscription_id, d.event_id, d.attempts
            """, connection, tx))
        {
            claim.Parameters.AddWithValue(now);
            claim.Parameters.AddWithValue(max);
            claim.Parameters.AddWithValue(lease.TotalSeconds);
            await using var reader = await claim.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                claimed.Add(new ClaimedDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt32(3)));
            }
        }
        await tx.CommitAsync(ct);
        return claimed;
    }

    /// <summary>Records an attempt and its outcome in <paramref name="session"/>'s transaction (with the subscription's change).</summary>
    public void Record(IDocumentSession session, ClaimedDelivery delivery, string eventType, AttemptResult result, DateTimeOffset at,
        DateTimeOffset? nextAttemptAt)
    {
        var attempt = delivery.Attempts + 1;
        session.QueueSqlCommand($"""
            insert into {Attempts} (delivery_id, subscription_id, event_id, event_type, attempt, attempted_at, status_code, latency_ms,
                                    outcome, response_excerpt, error, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, nullif(?, -1), ?, ?, nullif(?, ''), nullif(?, ''), case when ? then ?::timestamptz end)
            """,
            delivery.Id, delivery.SubscriptionId, delivery.EventId, eventType, attempt, at, result.StatusCode ?? -1, result.LatencyMs,
            result.Outcome.ToString(), result.ResponseExcerpt ?? "", result.Error ?? "", nextAttemptAt.HasValue, nextAttemptAt ?? at);
        if (result.Outcome == AttemptOutcome.Delivered)
        {
            session.QueueSqlCommand($"""
                update {Deliveries} set state = 'delivered', attempts = ?, delivered_at = ?, last_status = nullif(?, -1), leased_until = null
                where id = ?
                """, attempt, at, result.StatusCode ?? -1, delivery.Id);
            // The receiver is back: what waited behind this delivery's backoff goes now.
            session.QueueSqlCommand($"update {Deliveries} set next_attempt_at = ? where subscription_id = ? and state = 'pending' and next_attempt_at > ?",
                at, delivery.SubscriptionId, at);
            return;
        }
        var next = nextAttemptAt ?? at;
        session.QueueSqlCommand($"""
            update {Deliveries} set attempts = ?, next_attempt_at = ?, last_status = nullif(?, -1), leased_until = null where id = ?
            """, attempt, next, result.StatusCode ?? -1, delivery.Id);
        // One failing receiver costs one attempt per backoff step, not one per queued event.
        session.QueueSqlCommand($"update {Deliveries} set next_attempt_at = ? where subscription_id = ? and state = 'pending' and next_attempt_at < ?",
            next, delivery.SubscriptionId, next);
    }

    /// <summary>Gives a leased row back untouched (its subscription was paused meanwhile).</summary>
    public async Task ReleaseAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"update {Deliveries} set leased_until = null where id = $1");
        command.Parameters.AddWithValue(deliveryId);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Drops a deleted subscription's queue (its log stays for support until pruned).</summary>
    public void Drop(IDocumentSession session, Guid subscriptionId) =>
        session.QueueSqlCommand($"delete from {Deliveries} where subscription_id = ? and state = 'pending'", subscriptionId);

    /// <summary>After a resume: everything waiting goes now.</summary>
    public void DueNow(IDocumentSession session, Guid subscriptionId, DateTimeOffset now) =>
        session.QueueSqlCommand($"update {Deliveries} set next_attempt_at = ? where subscription_id = ? and state = 'pending' and next_attempt_at > ?",
            now, subscriptionId, now);

    public async Task<IReadOnlyList<DeliveryRow>> DeliveriesAsync(Guid subscriptionId, string? state, int limit, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await using var command = dataSource.CreateCommand($"""
            select id, event_id, reason, state, attempts, next_attempt_at, created_at, delivered_at, last_status from {Deliveries}
            where subscription_id = $1 and ($2 = '' or state = $2) order by created_at desc, event_time desc limit $3
            """);
        command.Parameters.AddWithValue(subscriptionId);
        command.Parameters.AddWithValue(state ?? "");
        command.Parameters.AddWithValue(limit);
        var rows = new List<DeliveryRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new DeliveryRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetInt32(8)));
        }
        return rows;
    }

    public async Task<IReadOnlyList<AttemptRow>> AttemptsAsync(Guid subscriptionId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await using var command = dataSource.CreateCommand($"""
            select id, delivery_id, event_id, event_type, attempt, attempted_at, status_code, latency_ms, outcome, response_excerpt, error, next_attempt_at
            from {Attempts} where subscription_id = $1 and ($2::timestamptz is null or attempted_at >= $2) and ($3::timestamptz is null or attempted_at <= $3)
            order by id desc limit $4
            """);
        command.Parameters.AddWithValue(subscriptionId);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.AddWithValue(limit);
        var rows = new List<AttemptRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new AttemptRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetInt32(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return rows;
    }

    /// <summary>Creates the tables once per process (idempotent; replicas starting together are fine).</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_ensured)
        {
            return;
        }
        await _ensure.WaitAsync(ct);
        try
        {
            if (_ensured)
            {
                return;
            }
            // A transaction-scoped lock: released by the commit or the rollback, never left on a pooled connection.
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand($"""
                select pg_advisory_xact_lock(40141415);
                create schema if not exists {Schema};
                create table if not exists {Deliveries} (
                  id uuid primary key, subscription_id uuid not null, event_id uuid not null, event_time timestamptz not null,
                  reason text not null, state text not null default 'pending', attempts int not null default 0,
                  next_attempt_at timestamptz not null, leased_until timestamptz, created_at timestamptz not null,
                  delivered_at timestamptz, last_status int);
                create index if not exists webhook_delivery_due on {Deliveries} (next_attempt_at) where state = 'pending';
                create index if not exists webhook_delivery_subscription on {Deliveries} (subscription_id, state);
                create table if not exists {Attempts} (
                  id bigserial primary key, delivery_id uuid not null, subscription_id uuid not null, event_id uuid not null,
                  event_type text not null, attempt int not null, attempted_at timestamptz not null, status_code int,
                  latency_ms int not null, outcome text not null, response_excerpt text, error text, next_attempt_at timestamptz);
                create index if not exists webhook_attempt_subscription on {Attempts} (subscription_id, attempted_at);
                """, connection, tx);
            await command.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
            _ensured = true;
        }
        finally
        {
            _ensure.Release();
        }
    }
}
