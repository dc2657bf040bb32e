using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace MonaSpark.Functions.Tests;

/// <summary>Calls an HTTP trigger as the ASP.NET Core integration does: a request in, its action result executed into a response.</summary>
internal static class Http
{
    public static HttpContext Get(IServiceProvider services, string path, string query = "")
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static HttpContext Post(IServiceProvider services, string path, string body)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = path;
        context.Request.ContentType = "application/json";
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static async Task<Response> ExecuteAsync(HttpContext context, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        return new Response(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers, await reader.ReadToEndAsync());
    }

    public sealed record Response(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
    {
        public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();
    }
}
