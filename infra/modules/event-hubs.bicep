// Event Hubs: the journal's fan-out (ADR-004). The Table Storage journal stays the source of truth;
// the function app's PublishJournal timer sends every entry to the `journal` hub with the artist id
// as partition key, and Capture archives the hub to Avro blobs in the app's storage account.
// Local (SAS) auth is off: senders use Entra ID (Azure Event Hubs Data Sender, in rbac.bicep).

@description('Name of the Event Hubs namespace (6-50 letters, digits and hyphens).')
@minLength(6)
@maxLength(50)
param name string

@description('Azure region for the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags object = {}

@description('Throughput units of the Standard namespace (1 MB/s or 1,000 events/s in each).')
@minValue(1)
@maxValue(40)
param capacity int = 1

@description('Name of the hub the journal is published to.')
param eventHubName string = 'journal'

@description('Partitions of the hub; fixed once created on Standard. Ordering holds per partition key (artist).')
@minValue(1)
@maxValue(32)
param partitionCount int = 4

@description('Days events stay readable in the hub (Standard allows 1-7); Capture keeps them for good.')
@minValue(1)
@maxValue(7)
param messageRetentionInDays int = 7

@description('Name of the storage account Capture writes to (keys off: Capture uses the namespace identity).')
param captureStorageAccountName string

@description('Blob container Capture writes to; it must exist in the storage account.')
param captureContainerName string

@description('Seconds between Capture windows (60-900).')
@minValue(60)
@maxValue(900)
param captureIntervalInSeconds int = 300

@description('Bytes that close a Capture window early (10 MB - 500 MB).')
@minValue(10485760)
@maxValue(524288000)
param captureSizeLimitInBytes int = 314572800

// Built-in role: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var storageBlobDataContributor = 'ba92f5b4-2d11-453e-a403-e96b0029c9fe'

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: capacity
  }
  // Capture authenticates to storage as the namespace itself.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    isAutoInflateEnabled: false
  }
}

resource captureStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: captureStorageAccountName
}

// The one role assignment kept out of rbac.bicep: it is the namespace's own, and the hub's Capture
// needs it in place before the hub is created, while rbac.bicep scopes the senders' role to this
// namespace, so it must run after it.
resource captureRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(captureStorage.id, namespace.id, storageBlobDataContributor)
  scope: captureStorage
  properties: {
    principalId: namespace.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' = {
  parent: namespace
  name: eventHubName
  properties: {
    partitionCount: partitionCount
    messageRetentionInDays: messageRetentionInDays
    captureDescription: {
      enabled: true
      encoding: 'Avro'
      intervalInSeconds: captureIntervalInSeconds
      sizeLimitInBytes: captureSizeLimitInBytes
      skipEmptyArchives: true
      destination: {
        name: 'EventHubArchive.AzureBlockBlob'
        identity: {
          type: 'SystemAssigned'
        }
        properties: {
          storageAccountResourceId: captureStorage.id
          blobContainer: captureContainerName
          archiveNameFormat: '{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}'
        }
      }
    }
  }
  dependsOn: [
    captureRoleAssignment
  ]
}

@description('Resource id of the namespace.')
output id string = namespace.id

@description('Name of the namespace.')
output name string = namespace.name

@description('Fully qualified namespace the SDK connects to, e.g. evhns-abc.servicebus.windows.net.')
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]

@description('Name of the hub the journal is published to.')
output eventHubName string = hub.name
