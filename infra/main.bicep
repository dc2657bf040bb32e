// MonaSpark on Azure: a resource group and one module per concern. A new service (AI Search,
// Azure OpenAI, Front Door, Key Vault) is a new module here, its roles in rbac.bicep,
// its endpoint in the function app's settings and, if azd or local runs need it, an output.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for all resources.')
param location string

@description('Object id of the deploying principal, granted data-plane roles. Empty means whoever runs the deployment.')
param principalId string = ''

@description('Kind of the deploying principal: User for a developer, ServicePrincipal for CI.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var deployingPrincipalId = empty(principalId) ? deployer().objectId : principalId
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var journalCaptureContainerName = 'journal-capture'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
    containerNames: [
      journalCaptureContainerName
    ]
    tableNames: [
      'artists'
      'journal'
      'quarantine'
      'sourcerecords'
      'leads'
      'workpending'
      'deadletters'
      'sourcecursors'
      'matchreviews'
      'checkpoints'
      'features'
      'models'
      'readmodels'
      'contacts'
      'suppression'
      'outreachmessages'
      'senderledger'
    ]
    queueNames: [
      'work-items'
      'work-items-poison'
    ]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module eventHubs 'modules/event-hubs.bicep' = {
  name: 'event-hubs'
  scope: resourceGroup
  params: {
    name: '${abbrs.eventHubNamespaces}${resourceToken}'
    location: location
    tags: tags
    eventHubName: 'journal'
    partitionCount: 4
    captureStorageAccountName: storage.outputs.name
    // From the storage outputs, so Capture is configured only once the container exists.
    captureContainerName: storage.outputs.containerNames[0]
    captureIntervalInSeconds: 300
    captureSizeLimitInBytes: 314572800
  }
}

module search 'modules/search.bicep' = {
  name: 'search'
  scope: resourceGroup
  params: {
    name: '${abbrs.searchSearchServices}${resourceToken}'
    location: location
    tags: tags
  }
}

module openAI 'modules/openai.bicep' = {
  name: 'openai'
  scope: resourceGroup
  params: {
    name: '${abbrs.cognitiveServicesOpenAI}${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    identityPrincipalId: identity.outputs.principalId
    principalId: deployingPrincipalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    eventHubsNamespaceName: eventHubs.outputs.name
    searchServiceName: search.outputs.name
    openAIAccountName: openAI.outputs.name
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    appTags: {
      'azd-service-name': 'functions'
    }
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    appSettings: {
      MonaSpark__Azure__TableServiceUri: storage.outputs.tableEndpoint
      MonaSpark__Azure__QueueServiceUri: storage.outputs.queueEndpoint
      MonaSpark__Azure__ManagedIdentityClientId: identity.outputs.clientId
      MonaSpark__EventHubs__FullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace
      MonaSpark__EventHubs__EventHubName: eventHubs.outputs.eventHubName
      MonaSpark__AzureSearch__Endpoint: search.outputs.endpoint
      MonaSpark__AzureSearch__IndexName: 'artists'
      MonaSpark__AzureOpenAI__Endpoint: openAI.outputs.endpoint
      MonaSpark__AzureOpenAI__EmbeddingDeployment: openAI.outputs.embeddingDeployment
      MonaSpark__AzureOpenAI__ChatDeployment: openAI.outputs.chatDeployment
    }
  }
  // The host reads its storage at start-up: grant the roles before the app exists.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_TABLE_SERVICE_URI string = storage.outputs.tableEndpoint
output AZURE_QUEUE_SERVICE_URI string = storage.outputs.queueEndpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_EVENTHUBS_NAMESPACE string = eventHubs.outputs.fullyQualifiedNamespace
output AZURE_EVENTHUBS_NAME string = eventHubs.outputs.eventHubName
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint
output AZURE_OPENAI_ENDPOINT string = openAI.outputs.endpoint
output AZURE_OPENAI_EMBEDDING_DEPLOYMENT string = openAI.outputs.embeddingDeployment
output AZURE_OPENAI_CHAT_DEPLOYMENT string = openAI.outputs.chatDeployment
