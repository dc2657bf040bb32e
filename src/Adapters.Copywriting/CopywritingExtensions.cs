using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MonaSpark.Adapters.Copywriting.Chat;
using MonaSpark.Adapters.Copywriting.Templates;
using MonaSpark.Application.Copywriting;
using MonaSpark.Application.Ports;

namespace MonaSpark.Adapters.Copywriting;

/// <summary>Registers the copywriters.</summary>
public static class CopywritingExtensions
{
    /// <summary>
    /// Registers <see cref="TemplateCopywriter"/> as the fallback writer, and as the primary
    /// <see cref="ICopywriter"/> unless an <see cref="IChatClient"/> is registered (Azure OpenAI, when
    /// <c>MonaSpark:AzureOpenAI</c> names a chat deployment), in which case <see cref="ChatCopywriter"/>
    /// writes first. Decided when a writer is resolved, so the order of the <c>Add…()</c> calls does not
    /// matter. The use case (<see cref="DraftOutreachCopy"/>) reads:
    /// <code>
    /// {
    ///   "MonaSpark": {
    ///     "Copywriting": {
    ///       "Company": "MonaSpark",                          // named in every first contact
    ///       "SenderName": "Artist Relations",                // who signs
    ///       "PublicBaseUrl": "https://monaspark.example",    // origin of /l/{token} and /u/{token}
    ///       "MaxRetries": 2,                                 // chat retries before the template
    ///       "MaxProfileText": 1000                           // bio characters shown to the model
    ///     }
    ///   }
    /// }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddCopywriting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<TemplateCopywriter>();
        services.TryAddKeyedSingleton<ICopywriter>(DraftOutreachCopy.FallbackKey, (sp, _) => sp.GetRequiredService<TemplateCopywriter>());

        // Transient: the chat client's lifetime is its registrar's to choose.
        services.TryAddTransient<ICopywriter>(sp => sp.GetService<IChatClient>() is { } chat
            ? new ChatCopywriter(chat)
            : sp.GetRequiredService<TemplateCopywriter>());
        return builder;
    }
}
