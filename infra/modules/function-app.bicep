// Flex Consumption plan and the Functions app, running as a user-assigned identity with no
// keys anywhere: host storage, the deployment package and App Insights all use Entra ID.
// Settings the app's own adapters need come in through `appSettings`, so adding a service
// (Event Hubs, AI Search, ...) means a new module plus a few settings in main.bicep. Secrets come
// in as Key Vault references, resolved by the platform as the same identity; settings that hold a
// public URL of the app itself (links, webhook callbacks) come in through `publicUrlSettings`.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to the plan.')
param tags object = {}

@description('Tags applied to the function app only, e.g. the azd-service-name tag azd deploys by.')
param appTags object = {}

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity the app runs as.')
param identityClientId string

@description('Name of the storage account used as AzureWebJobsStorage.')
param storageAccountName string

@description('Blob service endpoint of the storage account holding the deployment package.')
param storageBlobEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Worker runtime version.')
param runtimeVersion string = '10.0'

@description('Upper bound on instances the plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Further app settings (name to value), merged over the host settings.')
param appSettings object = {}

@description('Public https origin the app is reached at, without a trailing slash; empty: the app\'s default host name.')
param publicOrigin string = ''

@description('App settings built on the public origin (name to path, e.g. \'/api/webhooks/twilio\'; \'\' for the origin itself).')
param publicUrlSettings object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

// The default host name is known only once the app exists, hence settings built on it here.
var origin = empty(publicOrigin) ? 'https://${functionApp.properties.defaultHostName}' : publicOrigin

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, appTags)
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in the app settings resolve as the user-assigned identity (the default is
    // a system-assigned identity, which this app does not have).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(
      {
        AzureWebJobsStorage__accountName: storageAccountName
        AzureWebJobsStorage__credential: 'managedidentity'
        AzureWebJobsStorage__clientId: identityClientId
        APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      },
      appSettings,
      toObject(items(publicUrlSettings), s => s.key, s => '${origin}${s.value}')
    )
  }

  // Publishing credentials are basic auth; deployments go through Entra ID instead.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('Resource id of the function app.')
output id string = functionApp.id

@description('Name of the function app.')
output name string = functionApp.name

@description('Default host name of the function app.')
output defaultHostName string = functionApp.properties.defaultHostName

@description('Public https origin the app settings were built on.')
output publicOrigin string = origin
