// Every role assignment in one place. The app's identity and the deploying principal get the
// same data-plane roles, so code run locally by the developer behaves as it does in Azure.
// A new service adds its scope as an `existing` resource and a loop like the ones below.

@description('Object id of the managed identity the function app runs as.')
param identityPrincipalId string

@description('Object id of the deploying principal; empty grants nothing to it.')
param principalId string = ''

@description('Kind of the deploying principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Name of the storage account the roles are scoped to.')
param storageAccountName string

@description('Name of the Application Insights component the roles are scoped to.')
param applicationInsightsName string

@description('Name of the Event Hubs namespace the journal is published to.')
param eventHubsNamespaceName string

@description('Name of the AI Search service holding the vector index.')
param searchServiceName string

@description('Name of the Azure OpenAI account.')
param openAIAccountName string

@description('Name of the Key Vault holding the app\'s secrets (RBAC authorization).')
param keyVaultName string

// Built-in role definition ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  eventHubsDataSender: '2b629674-e913-4c01-ae53-ef4638d8f975'
  searchIndexDataContributor: '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
  searchServiceContributor: '7ca78c08-252a-4471-8644-bb5ff32d4ba0'
  cognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

// Index Data Contributor reads and writes documents; Service Contributor lets the app create or
// update the index definition at start (keys are off, so both go through Entra ID).
var searchRoleIds = [
  roles.searchIndexDataContributor
  roles.searchServiceContributor
]

var searchAssignments = flatten(map(principals, p => map(searchRoleIds, roleId => {
  principal: p
  roleId: roleId
})))

// Blob Data Owner (not Contributor): the Functions host manages blob leases and containers. The same
// three roles are what Durable Functions' Azure Storage provider needs for the `MonaSpark` task hub
// (host.json): it creates and uses its control and work-item queues, history and instance tables and
// lease and large-message blob containers at run time, over the identity-based AzureWebJobsStorage.
var storageRoleIds = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

var principals = concat(
  [
    {
      id: identityPrincipalId
      type: 'ServicePrincipal'
    }
  ],
  empty(principalId)
    ? []
    : [
        {
          id: principalId
          type: principalType
        }
      ]
)

var storageAssignments = flatten(map(principals, p => map(storageRoleIds, roleId => {
  principal: p
  roleId: roleId
})))

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource eventHubsNamespace 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: eventHubsNamespaceName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in storageAssignments: {
    name: guid(storage.id, a.principal.id, a.roleId)
    scope: storage
    properties: {
      principalId: a.principal.id
      principalType: a.principal.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    }
  }
]

// Application Insights has local auth disabled; publishing telemetry needs this role.
resource telemetryRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(applicationInsights.id, p.id, roles.monitoringMetricsPublisher)
    scope: applicationInsights
    properties: {
      principalId: p.id
      principalType: p.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    }
  }
]

// Local auth is off on the namespace: the journal publisher sends with this role. Send only: no
// principal here reads the hub (consumers get Data Receiver on their own hub or consumer group).
resource eventHubsRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(eventHubsNamespace.id, p.id, roles.eventHubsDataSender)
    scope: eventHubsNamespace
    properties: {
      principalId: p.id
      principalType: p.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventHubsDataSender)
    }
  }
]

resource search 'Microsoft.Search/searchServices@2023-11-01' existing = {
  name: searchServiceName
}

resource openAI 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAIAccountName
}

resource searchRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for a in searchAssignments: {
    name: guid(search.id, a.principal.id, a.roleId)
    scope: search
    properties: {
      principalId: a.principal.id
      principalType: a.principal.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', a.roleId)
    }
  }
]

// Embeddings and chat completions; no management of deployments.
resource openAIRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(openAI.id, p.id, roles.cognitiveServicesOpenAIUser)
    scope: openAI
    properties: {
      principalId: p.id
      principalType: p.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAIUser)
    }
  }
]

resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

// Read secret values, nothing else: the app resolves its Key Vault references with this role, and the
// developer can read the same values (e.g. the link signing key for a local run against the cloud).
// Secrets are written by the deployment itself (ARM, control plane), which needs no data-plane role.
resource keyVaultRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(keyVault.id, p.id, roles.keyVaultSecretsUser)
    scope: keyVault
    properties: {
      principalId: p.id
      principalType: p.type
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    }
  }
]
