using WaaS.Testing;

namespace WaaS.Quoting.Tests.Api;

/// <summary>Quoting in process (no consumers, so one fixture per test class: each class has its own data and time).</summary>
public sealed class QuotingApi : ServiceApi<Program>;
