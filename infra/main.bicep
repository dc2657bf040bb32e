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

// Secrets. Each goes to Key Vault and reaches the app as a Key Vault reference app setting; an empty
// optional one writes neither, so the app falls back (outbox sinks, SMTP, the local payment gateway).
// azd maps them from environment values in main.parameters.json: `azd env set-secret NAME` keeps a
// value in a Key Vault of your choice (azd resolves it at provision), `azd env set NAME value` in .env.

// The link signing key must outlive deployments: every landing and unsubscribe link already sent is
// signed with it, so a new key on each `azd up` would break them all. A `newGuid()` default (Bicep
// allows newGuid() only as a parameter default) is evaluated again on every deployment, so it cannot
// be used; a guid() of deployment inputs is reproducible by anyone who knows them, so it is no secret.
// Instead azd generates the value once (crypto-random, 64 letters and digits, which is itself base64
// for 48 bytes, about 380 bits) and keeps it in the environment's config for later provisions. Without
// azd, pass any base64 key of at least 32 bytes. Rotate by moving the key to linkPreviousSigningKey.
@secure()
@minLength(44)
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 64
      noSpecial: true
    }
  }
})
@description('Base64 key (at least 32 bytes) links are signed with (MonaSpark:Links:SigningKey). azd generates it once.')
param linkSigningKey string

@secure()
@description('Base64 key before the last rotation, still accepted when reading links; empty: none.')
param linkPreviousSigningKey string = ''

@secure()
@description('SendGrid API key with Mail Send; empty: e-mail goes through SMTP or the e-mail outbox.')
param sendGridApiKey string = ''

@description('SendGrid Event Webhook verification key (base64 ECDSA P-256 public key, not a secret); empty: no SendGrid webhook.')
param sendGridWebhookPublicKey string = ''

@description('The address outreach e-mail comes from: a domain with SPF, DKIM and DMARC set up for the provider; empty: the app\'s placeholder, which no provider will deliver.')
param emailFromAddress string = ''

@secure()
@description('Twilio account SID (AC + 32 hex digits); set with twilioAuthToken and twilioFrom, or not at all.')
param twilioAccountSid string = ''

@secure()
@description('Twilio auth token; it also verifies the signatures of Twilio\'s webhooks.')
param twilioAuthToken string = ''

@description('Default SMS sender: an E.164 number, a Messaging Service SID (MG...) or an alphanumeric id (public, not a secret).')
param twilioFrom string = ''

@description('VAPID public key, base64url (public: the PWA subscribes with it); set with webPushPrivateKey or not at all.')
param webPushPublicKey string = ''

@secure()
@description('VAPID private key, base64url.')
param webPushPrivateKey string = ''

@secure()
@description('Stripe secret (sk_) or restricted (rk_) key; empty: no Stripe adapter.')
param stripeSecretKey string = ''

@secure()
@description('Signing secret (whsec_) of the Stripe webhook endpoint.')
param stripeWebhookSecret string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var deployingPrincipalId = empty(principalId) ? deployer().objectId : principalId
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var journalCaptureContainerName = 'journal-capture'

// Key Vault secret names; the empty optional ones are not written (key-vault.bicep skips them).
var secretNames = {
  linkSigningKey: 'links-signing-key'
  linkPreviousSigningKey: 'links-previous-signing-key'
  sendGridApiKey: 'sendgrid-api-key'
  twilioAccountSid: 'twilio-account-sid'
  twilioAuthToken: 'twilio-auth-token'
  webPushPrivateKey: 'webpush-private-key'
  stripeSecretKey: 'stripe-secret-key'
  stripeWebhookSecret: 'stripe-webhook-secret'
}

// An app setting the platform resolves from Key Vault (as keyVaultReferenceIdentity) when the app
// starts. Versionless, so the app follows the latest version of the secret.
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

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
      'ratelimits'
      'onetimetokens'
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

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    secrets: {
      '${secretNames.linkSigningKey}': linkSigningKey
      '${secretNames.linkPreviousSigningKey}': linkPreviousSigningKey
      '${secretNames.sendGridApiKey}': sendGridApiKey
      '${secretNames.twilioAccountSid}': twilioAccountSid
      '${secretNames.twilioAuthToken}': twilioAuthToken
      '${secretNames.webPushPrivateKey}': webPushPrivateKey
      '${secretNames.stripeSecretKey}': stripeSecretKey
      '${secretNames.stripeWebhookSecret}': stripeWebhookSecret
    }
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
    keyVaultName: keyVault.outputs.name
  }
}

// Front Door first: the app's links are built on its endpoint, which exists before its routes do.
module frontDoor 'modules/front-door.bicep' = {
  name: 'front-door'
  scope: resourceGroup
  params: {
    name: '${abbrs.cdnProfilesFrontDoor}${resourceToken}'
    tags: tags
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
    // The optional providers' settings are written only when set: an empty setting would still
    // count as configured for some options (e.g. SendGrid's ApiKey is refused when empty).
    appSettings: union(
      {
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
        // Required: the app refuses to start without it.
        MonaSpark__Links__SigningKey: keyVaultReference(keyVault.outputs.uri, secretNames.linkSigningKey)
      },
      empty(linkPreviousSigningKey)
        ? {}
        : {
            MonaSpark__Links__PreviousSigningKey: keyVaultReference(keyVault.outputs.uri, secretNames.linkPreviousSigningKey)
          },
      empty(sendGridApiKey)
        ? {}
        : {
            MonaSpark__SendGrid__ApiKey: keyVaultReference(keyVault.outputs.uri, secretNames.sendGridApiKey)
          },
      empty(emailFromAddress)
        ? {}
        : {
            MonaSpark__Email__FromAddress: emailFromAddress
          },
      empty(sendGridWebhookPublicKey)
        ? {}
        : {
            MonaSpark__SendGrid__WebhookPublicKey: sendGridWebhookPublicKey
          },
      empty(twilioAccountSid)
        ? {}
        : {
            MonaSpark__Twilio__AccountSid: keyVaultReference(keyVault.outputs.uri, secretNames.twilioAccountSid)
          },
      empty(twilioAuthToken)
        ? {}
        : {
            MonaSpark__Twilio__AuthToken: keyVaultReference(keyVault.outputs.uri, secretNames.twilioAuthToken)
          },
      empty(twilioFrom)
        ? {}
        : {
            MonaSpark__Twilio__From: twilioFrom
          },
      empty(webPushPublicKey)
        ? {}
        : {
            MonaSpark__WebPush__PublicKey: webPushPublicKey
          },
      empty(webPushPrivateKey)
        ? {}
        : {
            MonaSpark__WebPush__PrivateKey: keyVaultReference(keyVault.outputs.uri, secretNames.webPushPrivateKey)
          },
      empty(stripeSecretKey)
        ? {}
        : {
            MonaSpark__Stripe__SecretKey: keyVaultReference(keyVault.outputs.uri, secretNames.stripeSecretKey)
          },
      empty(stripeWebhookSecret)
        ? {}
        : {
            MonaSpark__Stripe__WebhookSecret: keyVaultReference(keyVault.outputs.uri, secretNames.stripeWebhookSecret)
          }
    )
    // Built on the app's public origin, Front Door's endpoint: links and Twilio's callback (whose
    // signature covers the URL) use it, and the landing pages are cached there.
    publicOrigin: frontDoor.outputs.origin
    publicUrlSettings: {
      MonaSpark__Copywriting__PublicBaseUrl: ''
      MonaSpark__Twilio__StatusCallbackUrl: '/api/webhooks/twilio'
    }
  }
  // The host reads its storage, and the platform its Key Vault references, at start-up: grant the
  // roles before the app exists.
  dependsOn: [
    rbac
  ]
}

module frontDoorRoutes 'modules/front-door-routes.bicep' = {
  name: 'front-door-routes'
  scope: resourceGroup
  params: {
    profileName: frontDoor.outputs.profileName
    endpointName: frontDoor.outputs.endpointName
    originHostName: functionApp.outputs.defaultHostName
  }
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
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.publicOrigin
output AZURE_FRONT_DOOR_ENDPOINT string = frontDoor.outputs.origin
