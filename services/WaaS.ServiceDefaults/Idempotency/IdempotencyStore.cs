using Marten;
using Npgsql;
using NpgsqlTypes;

namespace WaaS.ServiceDefaults.Idempotency;

/// <summary>The first answer to a key, as it is replayed.</summary>
public sealed record StoredAnswer(int Status, string? ContentType, string? Location, string? ETag, byte[] Body);

/// <summary>What a request finds when it claims its key.</summary>
public abstract record ClaimOutcome
{
    /// <summary>The key is this request's now (new, or taken over from a request that died): run it.</summary>
    public sealed record Owned(Guid Claim) : ClaimOutcome;

    /// <summary>The key was answered: replay that answer.</summary>
    public sealed record Answered(StoredAnswer Answer) : ClaimOutcome;

    /// <summary>The key was used for another request (method, path or body).</summary>
    public sealed record Reused : ClaimOutcome;

    /// <summary>The first request with this key is still running.</summary>
    public sealed record InFlight(TimeSpan RetryAfter) : ClaimOutcome;

    /// <summary>The first request committed its change but its process died before the answer was stored.</summary>
    public sealed record AnswerLost(Guid Claim) : ClaimOutcome;
}

/// <summary>
/// Idempotency keys in the service's own schema (table <c>waas_idempotency</c>, plain SQL; created on first use).
/// A key belongs to a scope (client and tenant); its row holds the request's fingerprint, the claim of the request
/// running it, whether that request's writes committed (set in the writes' own transaction) and, once answered, the
/// answer. Times follow the injected clock.
/// </summary>
public sealed class IdempotencyStore(IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>A pending key older than this belongs to a request whose process died: the next request takes it over.</summary>
    public static readonly TimeSpan TakeOverAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _ensure = new(1, 1);
    private volatile bool _ensured;

    /// <summary>The table's qualified name.</summary>
    public string Table => $"{store.Options.DatabaseSchemaName}.waas_idempotency";

    /// <summary>Claims <paramref name="key"/> for a request with <paramref name="fingerprint"/>, or says why not.</summary>
    public async Task<ClaimOutcome> ClaimAsync(string scope, string key, string fingerprint, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var claim = Guid.NewGuid();
            var now = clock.GetUtcNow();
            await using (var insert = dataSource.CreateCommand(
                $"insert into {Table} (scope, key, fingerprint, claim, claimed_at) values ($1, $2, $3, $4, $5) on conflict do nothing"))
            {
                insert.Parameters.AddWithValue(scope);
                insert.Parameters.AddWithValue(key);
                insert.Parameters.AddWithValue(fingerprint);
                insert.Parameters.AddWithValue(claim);
                insert.Parameters.AddWithValue(now);
                if (await insert.ExecuteNonQueryAsync(ct) == 1)
                {
                    return new ClaimOutcome.Owned(claim);
                }
            }

            await using var select = dataSource.CreateCommand(
                $"select fingerprint, claim, claimed_at, committed, completed_at, status, content_type, location, etag, body from {Table} where scope = $1 and key = $2");
            select.Parameters.AddWithValue(scope);
            select.Parameters.AddWithValue(key);
            await using var row = await select.ExecuteReaderAsync(ct);
            if (!await row.ReadAsync(ct))
            {
                // Released (a 5xx) between our insert and this read: claim afresh.
                continue;
            }
            if (row.GetString(0) != fingerprint)
            {
                return new ClaimOutcome.Reused();
            }
            if (!row.IsDBNull(4))
            {
                return new ClaimOutcome.Answered(new StoredAnswer(row.GetInt32(5),
                    row.IsDBNull(6) ? null : row.GetString(6), row.IsDBNull(7) ? null : row.GetString(7),
                    row.IsDBNull(8) ? null : row.GetString(8), row.IsDBNull(9) ? [] : (byte[])row.GetValue(9)));
            }
            var previous = row.GetGuid(1);
            var age = now - row.GetFieldValue<DateTimeOffset>(2);
            var committed = row.GetBoolean(3);
            await row.DisposeAsync();
            if (age < TakeOverAfter || attempt > 2)
            {
                // Usually the first request answers within a second; a dead one is taken over after TakeOverAfter.
                return new ClaimOutcome.InFlight(TimeSpan.FromSeconds(Math.Clamp((TakeOverAfter - age).TotalSeconds, 1, 5)));
            }
            await using var takeOver = dataSource.CreateCommand(
                $"update {Table} set claim = $3, claimed_at = $4 where scope = $1 and key = $2 and claim = $5 and completed_at is null");
            takeOver.Parameters.AddWithValue(scope);
            takeOver.Parameters.AddWithValue(key);
            takeOver.Parameters.AddWithValue(claim);
            takeOver.Parameters.AddWithValue(now);
            takeOver.Parameters.AddWithValue(previous);
            if (await takeOver.ExecuteNonQueryAsync(ct) == 1)
            {
                return committed ? new ClaimOutcome.AnswerLost(claim) : new ClaimOutcome.Owned(claim);
            }
            // Another retry took it over first: look again.
        }
    }

    /// <summary>Stores the answer of the request holding <paramref name="claim"/>.</summary>
    public async Task CompleteAsync(string scope, string key, Guid claim, StoredAnswer answer, CancellationToken ct)
    {
        await using var update = dataSource.CreateCommand(
            $"update {Table} set completed_at = $4, status = $5, content_type = $6, location = $7, etag = $8, body = $9 " +
            "where scope = $1 and key = $2 and claim = $3");
        update.Parameters.AddWithValue(scope);
        update.Parameters.AddWithValue(key);
        update.Parameters.AddWithValue(claim);
        update.Parameters.AddWithValue(clock.GetUtcNow());
        update.Parameters.AddWithValue(answer.Status);
        update.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)answer.ContentType ?? DBNull.Value);
        update.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)answer.Location ?? DBNull.Value);
        update.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)answer.ETag ?? DBNull.Value);
        update.Parameters.AddWithValue(NpgsqlDbType.Bytea, answer.Body);
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Gives the key up after a failure (5xx), so a retry runs the request again; returns false when the
    /// request's writes had committed (the key then stays, and is answered as lost).</summary>
    public async Task<bool> ReleaseAsync(string scope, string key, Guid claim, CancellationToken ct)
    {
        await using var delete = dataSource.CreateCommand($"delete from {Table} where scope = $1 and key = $2 and claim = $3 and not committed");
        delete.Parameters.AddWithValue(scope);
        delete.Parameters.AddWithValue(key);
        delete.Parameters.AddWithValue(claim);
        return await delete.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The statement a session queues into its own commit: the writes of the request holding the claim happened.</summary>
    public string CommittedSql => $"update {Table} set committed = true where scope = ? and key = ? and claim = ?";

    /// <summary>Deletes keys first claimed before <paramref name="cutoff"/>; returns how many went.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await using var delete = dataSource.CreateCommand($"delete from {Table} where claimed_at < $1");
        delete.Parameters.AddWithValue(cutoff);
        return await delete.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Creates the table once per process (idempotent; replicas starting together are fine).</summary>
    public async Task EnsureTableAsync(CancellationToken ct)
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
            var schema = store.Options.DatabaseSchemaName;
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            // One creator at a time across replicas: "if not exists" alone races on the catalog.
            await using (var lockSchema = new NpgsqlCommand($"select pg_advisory_xact_lock(hashtext('{schema}.waas_idempotency'))", connection, transaction))
            {
                await lockSchema.ExecuteNonQueryAsync(ct);
            }
            await using (var create = new NpgsqlCommand(
                $"""
                create schema if not exists {schema};
                create table if not exists {Table} (
                    scope text not null,
                    key text not null,
                    fingerprint text not null,
                    claim uuid not null,
                    claimed_at timestamptz not null,
                    committed boolean not null default false,
                    completed_at timestamptz,
                    status integer,
                    content_type text,
                    location text,
                    etag text,
                    body bytea,
                    primary key (scope, key));
                create index if not exists waas_idempotency_claimed_at on {Table} (claimed_at);
                """, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            _ensured = true;
        }
        finally
        {
            _ensure.Release();
        }
    }
}
