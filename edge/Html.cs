using System.Text.Encodings.Web;

namespace MonaSpark.Edge;

/// <summary>Encoding helpers: everything from a source, a person or a model is encoded for its context.</summary>
internal static class Html
{
    public static string Text(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static string Attr(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static string Url(string? value) => UrlEncoder.Default.Encode(value ?? string.Empty);
}
