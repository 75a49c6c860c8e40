using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using WaaS.Gateway.FrontDoor;
using WaaS.Gateway.Upstream;
using WaaS.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;

// The only public entry point: /api/<service>/... goes to that service with the prefix removed, the identity endpoints
// to the Accounts service. Tokens are validated here too (the fallback policy of AddServiceDefaults; routes marked
// "AuthorizationPolicy": "anonymous" pass without one). Destinations come from configuration
// (ReverseProxy__Clusters__<service>__Destinations__primary__Address). README: "The gateway as a front door".
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.ListenOnManagementPort();
builder.Services.AddBrowserOrigins(builder.Configuration, builder.Environment);
builder.Services.AddClientRateLimits(builder.Configuration);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddSingleton<IForwarderHttpClientFactory, ResilientForwarderHttpClientFactory>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseManagementEndpoints();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Extensions.LiveTag) })
    .AllowAnonymous().DisableRateLimiting();
app.MapHealthChecks("/health").AllowAnonymous().DisableRateLimiting();
app.MapFallback("{**path}", PublicPaths.NotFoundAsync).AllowAnonymous();
app.MapReverseProxy(proxy =>
{
    proxy.Use(PublicPaths.RefuseInternal);
    proxy.Use(UpstreamProblems.WriteOnForwardError);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();

public partial class Program;
