namespace WaaS.Quoting.PriceLists;

/// <summary>EUR amounts are whole cents: a price with a third decimal would make the quote unrepeatable to the cent.</summary>
public static class Money
{
    public static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;
}
