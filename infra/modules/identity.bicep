// The one identity the function app runs as. User-assigned (not system-assigned) so role
// assignments can be made before the app exists and the same client id can be handed to the
// app's settings for host storage, App Insights and the MonaSpark Azure adapters.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region for the identity.')
param location string

@description('Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Object (principal) id of the identity, used for role assignments.')
output principalId string = identity.properties.principalId

@description('Client id of the identity, used by credentials that pick a user-assigned identity.')
output clientId string = identity.properties.clientId
