using WaaS.Gateway.Upstream;
using WaaS.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;

// The only public entry point: /api/<service>/... goes to that service with the prefix removed.
// Destinations come from configuration (ReverseProxy__Clusters__<service>__Destinations__primary__Address).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddSingleton<IForwarderHttpClientFactory, ResilientForwarderHttpClientFactory>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy =>
{
    proxy.Use(UpstreamProblems.WriteOnForwardError);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();

public partial class Program;
