// Key Vault for the app's secrets: the link signing key and the providers' keys (SendGrid, Twilio,
// web push, Stripe). Azure RBAC authorization only (no access policies): the function app's identity
// reads secrets with Key Vault Secrets User (rbac.bicep) through Key Vault references in its app
// settings. Soft delete and purge protection are on, so a deleted vault (or secret) is kept for
// `softDeleteRetentionInDays` and cannot be purged early: after `azd down`, provisioning the same
// environment again in that window fails until the vault is recovered (`az keyvault recover`).
// Secrets are written here by ARM (control plane); no data-plane role is needed to deploy them.

@description('Name of the vault (3-24 letters, digits and hyphens; globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the vault.')
param location string

@description('Tags applied to the vault.')
param tags object = {}

@description('Days a deleted vault or secret is kept before it is purged (7-90; fixed once the vault exists).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Secrets to write (secret name to value). Empty values are skipped; the caller decides which to pass.')
@secure()
param secrets object = {}

var secretItems = filter(items(secrets), s => !empty(s.value))

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  // The app settings reference secrets without a version, so they follow the latest one.
  resource secret 'secrets' = [
    for s in secretItems: {
      name: s.key
      properties: {
        value: s.value
        contentType: 'text/plain'
      }
    }
  ]
}

@description('Resource id of the vault.')
output id string = vault.id

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI, e.g. https://kv-abc.vault.azure.net/ (outputs wait for the secrets).')
output uri string = vault.properties.vaultUri

@description('Names of the secrets written, in the order given (outputs wait for their creation).')
output secretNames string[] = [for (s, i) in secretItems: vault::secret[i].name]
