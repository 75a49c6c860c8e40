using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace WaaS.ServiceDefaults.Tests.Web;

internal static class Answers
{
    /// <summary>Asserts the status (and the problem's rule) of an answer the test still holds; returns its body.</summary>
    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string? rule = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was {0}", body);
        var json = body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
        if (rule is not null)
        {
            json["rule"]?.GetValue<string>().Should().Be(rule, "the body was {0}", body);
            json["rule"].Should().NotBeNull("the body was {0}", body);
        }
        return json;
    }
}
