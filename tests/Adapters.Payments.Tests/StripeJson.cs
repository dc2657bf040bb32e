using System.Globalization;

namespace MonaSpark.Adapters.Payments.Tests;

/// <summary>Stripe's answers, in the shapes its API reference documents (trimmed to the fields that matter).</summary>
internal static class StripeJson
{
    public static string Session(string id, string status = "open", string mode = "subscription", DateTimeOffset? expiresAt = null, string currency = "eur", long amount = 1900) =>
        $$"""
        {
          "id": "{{id}}",
          "object": "checkout.session",
          "amount_subtotal": {{amount}},
          "amount_total": {{amount}},
          "cancel_url": "https://monaspark.example/l/tok123",
          "client_reference_id": "art-0123456789abcdef0123",
          "created": 1793534400,
          "currency": "{{currency}}",
          "customer": null,
          "expires_at": {{(expiresAt ?? new DateTimeOffset(2026, 11, 2, 11, 55, 0, TimeSpan.Zero)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}},
          "livemode": false,
          "metadata": { "artist_id": "art-0123456789abcdef0123", "offer_id": "growth" },
          "mode": "{{mode}}",
          "payment_intent": null,
          "payment_status": "{{(status == "complete" ? "paid" : "unpaid")}}",
          "status": "{{status}}",
          "subscription": null,
          "success_url": "https://monaspark.example/l/tok123/paid",
          "ui_mode": "hosted",
          "url": {{(status == "open" ? $"\"https://checkout.stripe.com/c/pay/{id}#fidkdWxOYHwnPyd1blpxYHZxWjA0\"" : "null")}}
        }
        """;

    public static string Error(string type, string message, string? code = null, string? declineCode = null, string? param = null) =>
        $$"""
        {
          "error": {
            "type": "{{type}}",
            {{(code is null ? string.Empty : $"\"code\": \"{code}\",")}}
            {{(declineCode is null ? string.Empty : $"\"decline_code\": \"{declineCode}\",")}}
            {{(param is null ? string.Empty : $"\"param\": \"{param}\",")}}
            "message": "{{message.Replace("\"", "\\\"", StringComparison.Ordinal)}}"
          }
        }
        """;
}
