using System.Collections.Specialized;
using System.Net.Http.Headers;

namespace MonaSpark.Adapters.Messaging.Sms;

/// <summary>An <c>application/x-www-form-urlencoded</c> body, read the way ASP.NET Core and Twilio's validator read it.</summary>
internal static class FormBody
{
    public static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The fields of <paramref name="body"/>: '+' is a space, %XX escapes are decoded, a repeated name joins its values with ',' (as <see cref="NameValueCollection"/> does).</summary>
    public static NameValueCollection Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var fields = new NameValueCollection(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            fields.Add(name, value);
        }

        return fields;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
