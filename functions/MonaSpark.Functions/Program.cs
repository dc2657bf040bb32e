using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MonaSpark.Application.Outreach;
using MonaSpark.Composition;
using MonaSpark.Workflows.Journeys;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddMonaSpark(AdapterSet.Azure);
builder.Services.AddOptions<LinkSigningOptions>().ValidateOnStart(); // from Key Vault (infra/)
builder.Services.AddOptions<JourneyOptions>().BindConfiguration(JourneyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Build().Run();
