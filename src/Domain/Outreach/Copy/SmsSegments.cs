namespace MonaSpark.Domain.Outreach.Copy;

/// <summary>
/// How many SMS segments a text costs (3GPP TS 23.038 / 23.040). A text made only of the GSM 03.38
/// default alphabet is sent as GSM-7: 160 septets in one segment, 153 per segment when concatenated,
/// extension characters (<c>^{}\[~]|€</c>) taking two septets that are never split. One character
/// outside it switches the whole message to UCS-2: 70 code units in one segment, 67 when
/// concatenated, a surrogate pair never split.
/// </summary>
public static class SmsSegments
{
    public const int GsmSingle = 160;
    public const int GsmConcatenated = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Concatenated = 67;

    // The GSM 03.38 default alphabet (escape 0x1B excluded): one septet each.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // The extension table: escape + character, two septets each.
    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>True when every character of <paramref name="text"/> is in the GSM 03.38 alphabet or its extension.</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!Basic.Contains(c, StringComparison.Ordinal) && !Extension.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The segments <paramref name="text"/> needs (0 for an empty text).</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return 0;
        }

        var gsm = IsGsm7(text);
        var units = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (gsm)
            {
                units.Add(Extension.Contains(text[i], StringComparison.Ordinal) ? 2 : 1);
            }
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                units.Add(2);
                i++;
            }
            else
            {
                units.Add(1);
            }
        }

        var total = units.Sum();
        var (single, concatenated) = gsm ? (GsmSingle, GsmConcatenated) : (Ucs2Single, Ucs2Concatenated);
        if (total <= single)
        {
            return 1;
        }

        // Pack greedily: a two-unit character that does not fit at the end of a segment starts the next one.
        var segments = 1;
        var used = 0;
        foreach (var unit in units)
        {
            if (used + unit > concatenated)
            {
                segments++;
                used = 0;
            }

            used += unit;
        }

        return segments;
    }
}
