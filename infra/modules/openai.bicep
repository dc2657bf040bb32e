// Azure OpenAI: an embeddings deployment (lookalikes) and a chat deployment (outreach copy), reached
// by the app through the v1 API with Entra ID (ADR-007). Local (key) auth is off; the app's identity
// and the developer get Cognitive Services OpenAI User in rbac.bicep.

@description('Name of the Azure OpenAI account; also its custom subdomain ({name}.openai.azure.com).')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region for the account; both models must be offered there.')
param location string

@description('Tags applied to the account.')
param tags object = {}

@description('Embedding model deployed under its own name.')
param embeddingModel string = 'text-embedding-3-small'

@description('Version of the embedding model.')
param embeddingModelVersion string = '1'

@description('Embedding capacity in thousands of tokens per minute.')
@minValue(1)
param embeddingCapacity int = 120

@description('Chat model deployed under its own name.')
param chatModel string = 'gpt-4o-mini'

@description('Version of the chat model.')
param chatModelVersion string = '2024-07-18'

@description('Chat capacity in thousands of tokens per minute.')
@minValue(1)
param chatCapacity int = 30

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true
  }
}

resource embeddings 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: embeddingModel
  sku: {
    name: 'Standard'
    capacity: embeddingCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: embeddingModel
      version: embeddingModelVersion
    }
  }
}

// One deployment at a time: the account refuses concurrent deployment changes.
resource chat 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: chatModel
  sku: {
    name: 'GlobalStandard'
    capacity: chatCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: chatModel
      version: chatModelVersion
    }
  }
  dependsOn: [
    embeddings
  ]
}

output name string = account.name
output endpoint string = 'https://${account.name}.openai.azure.com/'
output embeddingDeployment string = embeddings.name
output chatDeployment string = chat.name
