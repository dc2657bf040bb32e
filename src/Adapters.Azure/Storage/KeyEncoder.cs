using System.Globalization;
using System.Text;

namespace MonaSpark.Adapters.Azure.Storage;

/// <summary>
/// Makes any string usable inside a PartitionKey or RowKey: the service refuses '/', '\', '#', '?'
/// and control characters, and '|' separates key segments here. Those (and '%') become %XX, so
/// distinct inputs stay distinct and ordinary ids pass through unchanged.
/// </summary>
internal static class KeyEncoder
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c);
}
