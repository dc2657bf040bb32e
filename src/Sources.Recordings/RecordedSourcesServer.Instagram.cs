using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MonaSpark.Sources.Recordings;

/// <summary>Instagram Graph API business discovery: <c>GET /v21.0/{ig-user-id}?fields=business_discovery.username(…){…}</c>.</summary>
public sealed partial class RecordedSourcesServer
{
    private static IResult GraphError(int status, string message, int code, int? subcode = null)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "ArecordedTrace" };
        if (subcode is { } s)
        {
            error["error_subcode"] = s;
        }

        return Json(new JsonObject { ["error"] = error }, status);
    }

    private void MapInstagram(IEndpointRouteBuilder app)
    {
        app.MapGet("/graph/v21.0/{igUserId}", (string igUserId, HttpRequest request) =>
        {
            var token = request.Query["access_token"].ToString();
            if (token != InstagramAccessToken)
            {
                return GraphError(401, token.Length == 0 ? "An active access token must be used to query information about the current user." : "Invalid OAuth access token - Cannot parse access token", 190);
            }

            if (igUserId != InstagramUserId)
            {
                return GraphError(400, $"Unsupported get request. Object with ID '{igUserId}' does not exist.", 100, 33);
            }

            var match = BusinessDiscovery().Match(request.Query["fields"].ToString());
            if (!match.Success)
            {
                return GraphError(400, "(#100) Tried accessing nonexisting field on node type (BusinessDiscovery)", 100);
            }

            var username = match.Groups["username"].Value;
            var account = Data.InstagramAccounts.FirstOrDefault(a => string.Equals((string?)a!["username"], username, StringComparison.OrdinalIgnoreCase));
            if (account is null)
            {
                return GraphError(400, $"Invalid user id: the user with username: {username} cannot be found.", 110, 2207013);
            }

            var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var discovered = new JsonObject();
            foreach (var field in fields.Where(f => account[f] is not null))
            {
                discovered[field] = account[field]!.DeepClone();
            }

            return Json(new JsonObject { ["business_discovery"] = discovered, ["id"] = igUserId });
        });
    }

    [GeneratedRegex(@"^business_discovery\.username\((?<username>[^)]+)\)\{(?<fields>[^}]*)\}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BusinessDiscovery();
}
