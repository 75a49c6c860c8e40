using System.Globalization;

namespace WaaS.Documents.Templating;

/// <summary>The languages documents and e-mails are written in (DOMAIN.md's seed countries: DE, NL and the rest).</summary>
public enum Language
{
    En,
    De,
    Nl,
}

/// <summary>
/// How one language writes amounts and dates. Spelled out here rather than taken from ICU cultures: the services run
/// with invariant globalization (no ICU data in the images), and a document must read the same on every machine.
/// </summary>
public sealed class Locale
{
    public static readonly Locale English = new(Language.En, "en", ".", ",", "€{0}", "-€{0}", "dd/MM/yyyy");
    public static readonly Locale German = new(Language.De, "de", ",", ".", "{0} €", "-{0} €", "dd.MM.yyyy");
    public static readonly Locale Dutch = new(Language.Nl, "nl", ",", ".", "€ {0}", "€ -{0}", "dd-MM-yyyy");

    private readonly NumberFormatInfo _numbers;
    private readonly string _positive;
    private readonly string _negative;
    private readonly string _date;

    private Locale(Language language, string code, string decimals, string groups, string positive, string negative, string date)
    {
        Language = language;
        Code = code;
        _numbers = new NumberFormatInfo { NumberDecimalSeparator = decimals, NumberGroupSeparator = groups };
        _positive = positive;
        _negative = negative;
        _date = date;
    }

    public Language Language { get; }

    /// <summary>The BCP 47 tag, for <c>lang</c> attributes and Content-Language.</summary>
    public string Code { get; }

    /// <summary>The language a customer in <paramref name="country"/> (ISO 3166 alpha-2) is written to.</summary>
    public static Locale ForCountry(string? country) => country?.Trim().ToUpperInvariant() switch
    {
        "DE" or "AT" or "CH" or "LI" => German,
        "NL" or "BE" => Dutch,
        _ => English,
    };

    public static Locale Of(Language language) => language switch
    {
        Language.De => German,
        Language.Nl => Dutch,
        _ => English,
    };

    /// <summary>An amount in euro, two decimals, grouped: €1,234.50 / 1.234,50 € / € 1.234,50.</summary>
    public string Money(decimal amount) =>
        string.Format(CultureInfo.InvariantCulture, amount < 0 ? _negative : _positive, Math.Abs(amount).ToString("#,##0.00", _numbers));

    /// <summary>A plain number with this language's separators (a VAT rate: 19 / 21 / 7,5).</summary>
    public string Number(decimal value) => value.ToString("#,##0.##", _numbers);

    public string Date(DateOnly date) => date.ToString(_date, CultureInfo.InvariantCulture);

    /// <summary>The calendar day of an instant, in UTC (documents are dated by the day, the same everywhere).</summary>
    public string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>Picks the text of this language.</summary>
    public string Pick(string en, string de, string nl) => Language switch
    {
        Language.De => de,
        Language.Nl => nl,
        _ => en,
    };
}
