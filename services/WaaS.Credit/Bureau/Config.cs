namespace WaaS.Credit.Bureau;

public static class Config
{
    /// <summary>
    /// The bureau port with its adapter (<c>Credit:Bureau:Adapter</c>; only <c>Development</c> exists so far) behind the
    /// resilience of <see cref="CreditBureau"/> (<c>Credit:Bureau</c>).
    /// </summary>
    public static IHostApplicationBuilder AddCreditBureau(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Credit:Bureau");
        builder.Services.Configure<BureauOptions>(section);
        builder.Services.Configure<DevelopmentBureauOptions>(section.GetSection("Development"));
        var adapter = section["Adapter"] ?? "Development";
        if (!adapter.Equals("Development", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Credit:Bureau:Adapter '{adapter}' is unknown; only 'Development' exists.");
        }
        builder.Services.AddSingleton<ICreditBureau, DevelopmentCreditBureau>();
        builder.Services.AddSingleton<CreditBureau>();
        return builder;
    }
}
