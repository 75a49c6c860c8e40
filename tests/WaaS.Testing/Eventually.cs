using System.Text.Json.Nodes;

namespace WaaS.Testing;

/// <summary>Polls what happens asynchronously (a consumer, the outbox) instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Within {timeout ?? DefaultTimeout}: {what}.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Polls GET <paramref name="path"/> until it answers 200 with a body of which <paramref name="holds"/> is true, and
    /// returns that body (what a consumer wrote shows up in the service's read API a little later).
    /// </summary>
    public static async Task<JsonNode> GetAsync(HttpClient client, string path, Func<JsonNode, bool> holds, string what)
    {
        JsonNode? body = null;
        await HoldsAsync(async () =>
        {
            using var response = await client.GetAsync(path);
            body = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
            return body is not null && holds(body);
        }, what);
        return body!;
    }
}
