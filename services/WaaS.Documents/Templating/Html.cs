using System.Runtime.CompilerServices;
using System.Text;

namespace WaaS.Documents.Templating;

/// <summary>
/// A piece of HTML that is safe to emit as is. Templates build it with <see cref="Of"/> from an interpolated string:
/// the literal parts are markup, and every hole is HTML-encoded unless it is itself <see cref="Html"/>. Escaping is
/// therefore not something a template can forget.
/// </summary>
public readonly record struct Html(string Value)
{
    /// <summary>No markup at all.</summary>
    public static readonly Html Empty = new("");

    /// <summary>Markup from an interpolated string whose holes are encoded (see <see cref="HtmlBuilder"/>).</summary>
    public static Html Of([InterpolatedStringHandlerArgument] ref HtmlBuilder html) => html.ToHtml();

    /// <summary>Markup for each item, joined.</summary>
    public static Html Join<T>(IEnumerable<T> items, Func<T, Html> render) => new(string.Concat(items.Select(i => render(i).Value)));

    /// <summary>Only when <paramref name="condition"/> holds.</summary>
    public static Html If(bool condition, Func<Html> render) => condition ? render() : Empty;

    public override string ToString() => Value;
}

/// <summary>The interpolated-string handler behind <see cref="Html.Of"/>: literals verbatim, holes encoded.</summary>
[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private readonly StringBuilder _html;

    public HtmlBuilder(int literalLength, int formattedCount) => _html = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string literal) => _html.Append(literal);

    public readonly void AppendFormatted(Html html) => _html.Append(html.Value);

    public readonly void AppendFormatted(string? text)
    {
        // Only the five characters that carry meaning in markup; umlauts and € stay readable (the page is UTF-8).
        foreach (var c in text ?? "")
        {
            _ = c switch
            {
                '&' => _html.Append("&amp;"),
                '<' => _html.Append("&lt;"),
                '>' => _html.Append("&gt;"),
                '"' => _html.Append("&quot;"),
                '\'' => _html.Append("&#39;"),
                _ => _html.Append(c),
            };
        }
    }

    /// <summary>Numbers and other values: invariant text, encoded. Amounts and dates go through <see cref="Locale"/> first.</summary>
    public readonly void AppendFormatted<T>(T value) where T : IFormattable =>
        AppendFormatted(value.ToString(null, System.Globalization.CultureInfo.InvariantCulture));

    internal readonly Html ToHtml() => new(_html.ToString());
}
