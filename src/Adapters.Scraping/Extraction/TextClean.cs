using System.Globalization;
using System.Text;

namespace MonaSpark.Adapters.Scraping.Extraction;

/// <summary>
/// Scraped text is data: control and format characters (zero-width, bidi overrides) are dropped,
/// whitespace is collapsed and the length capped (never splitting a surrogate pair). Nothing is
/// decoded or interpreted: markup that reached the text stays literal text.
/// </summary>
public static class TextClean
{
    public static string? Clean(string? text, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sb = new StringBuilder(Math.Min(text.Length, maxLength + 16));
        var pendingSpace = false;
        var pendingBreaks = 0;
        foreach (var c in text)
        {
            if (c == '\n' && multiline)
            {
                pendingBreaks++;
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace |= char.IsWhiteSpace(c);
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (sb.Length > 0 && pendingBreaks > 0)
            {
                sb.Append(pendingBreaks > 1 ? "\n\n" : "\n");
            }
            else if (sb.Length > 0 && pendingSpace)
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            pendingBreaks = 0;
            sb.Append(c);
            if (sb.Length >= maxLength + 1)
            {
                break;
            }
        }

        var result = sb.ToString();
        if (result.Length > maxLength)
        {
            var cut = char.IsHighSurrogate(result[maxLength - 1]) ? maxLength - 1 : maxLength;
            result = result[..cut].TrimEnd();
        }

        return result.Length == 0 ? null : result;
    }
}
