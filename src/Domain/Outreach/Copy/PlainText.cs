using System.Globalization;
using System.Text;

namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// What "plain text" means for outreach copy: printable characters and line feeds only. The same
/// rule judges drafts (<see cref="CopyGuard"/>) and cleans profile text before it becomes a fact or a
/// prompt, so scraped text cannot smuggle invisible instructions through either path.
/// </summary>
public static class PlainText
{
    /// <summary>Characters a reader cannot see but a parser or a model can: zero-width, bidi controls, fillers, tags.</summary>
    public static bool IsInvisible(Rune rune)
    {
        var value = rune.Value;
        if (value is 0x20 or 0xA0 or 0x202F)
        {
            return false; // the space, the no-break space and French typography's narrow no-break space
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Format => true, // ZWSP, ZWJ, ZWNJ, LRM/RLM, bidi embeddings, overrides and isolates, BOM, tags, soft hyphen
            UnicodeCategory.SpaceSeparator => true, // en/em/thin/hair/ideographic spaces
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => true,
            _ => value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 // grapheme joiner, Hangul fillers, braille blank
                || value is >= 0xFE00 and <= 0xFE0F || value is >= 0xE0100 and <= 0xE01EF, // variation selectors (can carry hidden bytes)
        };
    }

    /// <summary>Control characters other than the line feed (carriage returns, tabs, escapes, NUL…).</summary>
    public static bool IsForbiddenControl(Rune rune) => rune.Value != '\n' && Rune.IsControl(rune);

    /// <summary>True when <paramref name="text"/> has an unpaired surrogate (not valid UTF-16).</summary>
    public static bool HasBrokenSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return true;
            }

            span = span[consumed..];
        }

        return false;
    }

    /// <summary>
    /// One line of clean text from untrusted input: controls, line breaks and odd spaces turned into
    /// spaces, other invisible characters removed, runs of spaces collapsed, NFC, at most <paramref name="maxLength"/>
    /// characters (cut at a word boundary when one is near).
    /// </summary>
    public static string Clean(string? text, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(span, out var rune, out var consumed);
            span = span[consumed..];
            if (status != System.Buffers.OperationStatus.Done)
            {
                continue;
            }

            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (IsInvisible(rune))
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        var clean = builder.ToString().Trim().Normalize(NormalizationForm.FormC);
        if (clean.Length <= maxLength)
        {
            return clean;
        }

        var cut = clean[..maxLength];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        var space = cut.LastIndexOf(' ');
        return (space > maxLength * 3 / 4 ? cut[..space] : cut).TrimEnd();
    }

    /// <summary>The number of Unicode scalar values: how the per-channel character limits count.</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
