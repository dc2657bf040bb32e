// One storage account for the Functions host (AzureWebJobsStorage), the Flex Consumption
// deployment package and the MonaSpark tables and queues. Keys are off: every client,
// including the Functions host, authenticates with Entra ID.

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags object = {}

@description('Blob container that holds the Flex Consumption deployment package.')
@minLength(3)
@maxLength(63)
param deploymentContainerName string

@description('Further blob containers to create, e.g. the Event Hubs Capture container.')
param containerNames string[] = []

@description('Tables to create.')
param tableNames string[] = []

@description('Queues to create.')
param queueNames string[] = []

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    publicNetworkAccess: 'Enabled'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource container 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource table 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queue 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }
}

@description('Resource id of the storage account.')
output id string = storage.id

@description('Name of the storage account.')
output name string = storage.name

@description('Blob service endpoint, e.g. https://<account>.blob.core.windows.net/.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Table service endpoint, e.g. https://<account>.table.core.windows.net/.')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('Queue service endpoint, e.g. https://<account>.queue.core.windows.net/.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Name of the deployment package container.')
output deploymentContainerName string = storage::blobService::deploymentContainer.name

@description('Names of the further containers, in the order given (outputs wait for their creation).')
output containerNames string[] = [for (containerName, i) in containerNames: storage::blobService::container[i].name]
