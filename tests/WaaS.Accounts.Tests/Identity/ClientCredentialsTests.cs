using System.Net;
using FluentAssertions;
using WaaS.Accounts.Development;
using WaaS.Accounts.Tests.Api;
using Xunit;

namespace WaaS.Accounts.Tests.Identity;

[Collection(AccountsCollection.Name)]
public sealed class ClientCredentialsTests(AccountsApi api)
{
    private readonly HttpClient _http = api.CreateClient();

    private static IReadOnlyList<string> All(System.IdentityModel.Tokens.Jwt.JwtSecurityToken jwt, string type) =>
        [.. jwt.Claims.Where(c => c.Type == type).Select(c => c.Value)];

    [Fact]
    public async Task A_marketplace_token_for_a_reseller_is_a_signed_jwt_with_every_waas_claim_and_validates_against_the_published_keys()
    {
        var token = await TokenClient.AccessTokenAsync(_http, "marketplace", "marketplace-dev-secret", DevelopmentTenants.Reseller1.ToString());

        token.Split('.').Should().HaveCount(3, "the access token is signed, not encrypted (a JWE has five parts)");
        var jwt = TokenClient.Decode(token);
        jwt.Header.Alg.Should().Be("RS256");
        jwt.Issuer.Should().Be(TokenClient.Issuer);
        jwt.Audiences.Should().Equal("waas-api");
        All(jwt, "sub").Should().Equal("marketplace");
        All(jwt, "client_id").Should().Equal("marketplace");
        All(jwt, "role").Should().Equal("sales");
        All(jwt, "waas_tenant").Should().Equal(DevelopmentTenants.Reseller1.ToString());
        All(jwt, "waas_kind").Should().Equal("reseller");
        All(jwt, "waas_sub").Should().Equal(DevelopmentTenants.SubReseller.ToString());
        All(jwt, "waas_parent").Should().BeEmpty();
        All(jwt, "waas_vendor").Should().BeEmpty();
        All(jwt, "scope").SelectMany(s => s.Split(' ')).Should().Contain("waas.api");
        jwt.IssuedAt.Should().BeCloseTo(api.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1), "tokens are issued at the service clock's time");
        (jwt.ValidTo - jwt.IssuedAt).Should().Be(TimeSpan.FromMinutes(30));

        var validated = await TokenClient.ValidateAsync(_http, token, api.Clock.GetUtcNow());
        validated.IsValid.Should().BeTrue(validated.Exception?.Message);
    }

    [Fact]
    public async Task A_marketplace_token_for_the_sub_reseller_names_its_parent()
    {
        var jwt = TokenClient.Decode(await TokenClient.AccessTokenAsync(_http, "marketplace", "marketplace-dev-secret", DevelopmentTenants.SubReseller.ToString()));

        All(jwt, "waas_tenant").Should().Equal(DevelopmentTenants.SubReseller.ToString());
        All(jwt, "waas_kind").Should().Equal("reseller");
        All(jwt, "waas_parent").Should().Equal(DevelopmentTenants.Reseller1.ToString());
        All(jwt, "waas_sub").Should().BeEmpty();
    }

    [Fact]
    public async Task The_integration_partner_the_vendor_and_the_back_office_get_their_tenant_kind_and_role()
    {
        var partner = TokenClient.Decode(await TokenClient.AccessTokenAsync(_http, "partner-crm", "partner-dev-secret"));
        All(partner, "waas_tenant").Should().Equal(DevelopmentTenants.Reseller1.ToString());
        All(partner, "waas_kind").Should().Equal("reseller");
        All(partner, "role").Should().Equal("integration");

        var vendor = TokenClient.Decode(await TokenClient.AccessTokenAsync(_http, "vendor-dell", "vendor-dev-secret"));
        All(vendor, "waas_tenant").Should().Equal(DevelopmentTenants.Vendor.ToString());
        All(vendor, "waas_kind").Should().Equal("vendor");
        All(vendor, "role").Should().Equal("vendor");
        All(vendor, "waas_vendor").Should().Equal("Dell");

        var office = TokenClient.Decode(await TokenClient.AccessTokenAsync(_http, "distributor-backoffice", "backoffice-dev-secret"));
        All(office, "waas_tenant").Should().Equal(DevelopmentTenants.Distributor.ToString());
        All(office, "waas_kind").Should().Equal("distributor");
        All(office, "role").Should().Equal("operations");
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client()
    {
        var (status, body) = await TokenClient.ClientCredentialsAsync(_http, "distributor-backoffice", "not-the-secret");

        status.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized);
        body["error"]!.GetValue<string>().Should().Be("invalid_client");
    }

    [Fact]
    public async Task The_marketplace_gets_no_token_for_a_tenant_it_is_not_registered_for_nor_without_naming_one()
    {
        var (status, body) = await TokenClient.ClientCredentialsAsync(_http, "marketplace", "marketplace-dev-secret", DevelopmentTenants.Customer1.ToString());
        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("unauthorized_client");
        body["error_description"]!.GetValue<string>().Should().Contain(DevelopmentTenants.Customer1.ToString());

        (status, body) = await TokenClient.ClientCredentialsAsync(_http, "marketplace", "marketplace-dev-secret");
        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("invalid_request");
        body["error_description"]!.GetValue<string>().Should().Contain("tenant=");

        (status, body) = await TokenClient.ClientCredentialsAsync(_http, "partner-crm", "partner-dev-secret", DevelopmentTenants.Reseller2.ToString());
        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("unauthorized_client");
    }

    [Fact]
    public async Task The_discovery_document_names_the_issuer_and_the_endpoints()
    {
        var discovery = System.Text.Json.Nodes.JsonNode.Parse(await _http.GetStringAsync("/.well-known/openid-configuration"))!;

        discovery["issuer"]!.GetValue<string>().Should().Be(TokenClient.Issuer);
        discovery["token_endpoint"]!.GetValue<string>().Should().EndWith("/connect/token");
        discovery["jwks_uri"]!.GetValue<string>().Should().EndWith("/.well-known/jwks");
        discovery["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Contain("S256");
    }
}
