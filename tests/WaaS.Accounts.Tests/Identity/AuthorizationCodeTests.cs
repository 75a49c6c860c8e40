using System.Net;
using FluentAssertions;
using WaaS.Accounts.Development;
using WaaS.Accounts.Tests.Api;
using Xunit;

namespace WaaS.Accounts.Tests.Identity;

[Collection(AccountsCollection.Name)]
public sealed class AuthorizationCodeTests(AccountsApi api)
{
    [Fact]
    public async Task Reseller_staff_sign_in_with_pkce_and_get_a_token_for_their_reseller()
    {
        using var browser = TokenClient.Browser(api);
        var pkce = TokenClient.NewPkce();

        var code = await TokenClient.AuthorizationCodeAsync(browser, "sales@reseller1.example", DevelopmentTenants.Password, pkce);
        var (status, body) = await TokenClient.ExchangeAsync(api.CreateClient(), code, pkce.Verifier);

        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        var token = body["access_token"]!.GetValue<string>();
        var jwt = TokenClient.Decode(token);
        var user = DevelopmentTenants.Users.Single(u => u.Email == "sales@reseller1.example");
        jwt.Claims.Where(c => c.Type == "sub").Select(c => c.Value).Should().Equal(user.Id.ToString());
        jwt.Claims.Where(c => c.Type == "client_id").Select(c => c.Value).Should().Equal("waas-console");
        jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value).Should().Equal("sales");
        jwt.Claims.Where(c => c.Type == "waas_tenant").Select(c => c.Value).Should().Equal(DevelopmentTenants.Reseller1.ToString());
        jwt.Claims.Where(c => c.Type == "waas_kind").Select(c => c.Value).Should().Equal("reseller");
        jwt.Claims.Where(c => c.Type == "waas_sub").Select(c => c.Value).Should().Equal(DevelopmentTenants.SubReseller.ToString());
        jwt.Audiences.Should().Equal("waas-api");
        (await TokenClient.ValidateAsync(api.CreateClient(), token, api.Clock.GetUtcNow())).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task The_operations_person_gets_a_distributor_token()
    {
        using var browser = TokenClient.Browser(api);
        var pkce = TokenClient.NewPkce();

        var code = await TokenClient.AuthorizationCodeAsync(browser, "ops@distributor.example", DevelopmentTenants.Password, pkce);
        var (status, body) = await TokenClient.ExchangeAsync(api.CreateClient(), code, pkce.Verifier);

        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        var jwt = TokenClient.Decode(body["access_token"]!.GetValue<string>());
        jwt.Claims.Single(c => c.Type == "waas_kind").Value.Should().Be("distributor");
        jwt.Claims.Single(c => c.Type == "waas_tenant").Value.Should().Be(DevelopmentTenants.Distributor.ToString());
        jwt.Claims.Single(c => c.Type == "role").Value.Should().Be("operations");
    }

    [Fact]
    public async Task A_wrong_code_verifier_gets_no_token()
    {
        using var browser = TokenClient.Browser(api);
        var pkce = TokenClient.NewPkce();
        var code = await TokenClient.AuthorizationCodeAsync(browser, "it@customer1.example", DevelopmentTenants.Password, pkce);

        var (status, body) = await TokenClient.ExchangeAsync(api.CreateClient(), code, TokenClient.NewPkce().Verifier);

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("invalid_grant");
    }

    [Fact]
    public async Task An_authorization_request_without_pkce_is_refused()
    {
        using var browser = TokenClient.Browser(api);

        using var response = await browser.GetAsync(
            $"/connect/authorize?response_type=code&client_id=waas-console&redirect_uri={Uri.EscapeDataString(TokenClient.RedirectUri)}&scope=waas.api");

        // OpenIddict answers an invalid request to a valid redirect URI there, naming the error.
        var answer = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
        answer.Should().Contain("invalid_request").And.Contain("code_challenge");
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_and_signs_nobody_in()
    {
        using var browser = TokenClient.Browser(api);
        var page = await browser.GetStringAsync("/account/login?ReturnUrl=%2Fconnect%2Fauthorize");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"(__RequestVerificationToken)\" value=\"([^\"]*)\"");

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["Email"] = "sales@reseller1.example",
            ["Password"] = "wrong",
            ["ReturnUrl"] = "/connect/authorize",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not right");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith(".waas.login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = TokenClient.Browser(api);

        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "sales@reseller1.example",
            ["Password"] = DevelopmentTenants.Password,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
    }
}
