// Azure AI Search: the artists' vector index (AzureSearchVectorIndex creates the index itself at
// first use). Basic tier, one replica and one partition; semantic ranking off (the index serves vector
// queries only); API keys off: the app and the developer use Entra ID roles from rbac.bicep.

@description('Name of the search service (2-60 lower-case letters, digits and hyphens).')
@minLength(2)
@maxLength(60)
param name string

@description('Azure region for the service.')
param location string

@description('Tags applied to the service.')
param tags object = {}

@description('Pricing tier; basic holds 15 indexes and 2 GB per partition (about a million 384-dim or 300,000 1,536-dim vectors).')
@allowed([
  'basic'
  'standard'
])
param sku string = 'basic'

@description('Replicas: 1 serves queries; 2 or more gives the read SLA.')
@minValue(1)
@maxValue(12)
param replicaCount int = 1

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    replicaCount: replicaCount
    partitionCount: 1
    hostingMode: 'default'
    publicNetworkAccess: 'enabled'
    disableLocalAuth: true
    semanticSearch: 'disabled'
  }
}

output name string = search.name
output endpoint string = 'https://${search.name}.search.windows.net'
