// Front Door routes to the function app (after the app exists: the origin is its default host name).
//
// Caching: `/l/*` (landing pages) and `/assets/*` (content-hashed static files) are cached at the
// edge, honouring the origin's Cache-Control (public, s-maxage, stale-while-revalidate; immutable for
// assets), with compression; the query string is part of the cache key (the view beacon's, which
// the origin marks no-store, is never cached anyway). Everything else (`/u/*`, `/api/*`, `/portal`,
// webhooks) is passed through uncached.

@description('Name of the Front Door profile (front-door.bicep).')
param profileName string

@description('Name of the endpoint (front-door.bicep).')
param endpointName string

@description('Host name of the function app, the origin.')
param originHostName string

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: profileName
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' existing = {
  parent: profile
  name: endpointName
}

resource origins 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'functions'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    healthProbeSettings: {
      probePath: '/healthz'
      probeRequestType: 'GET'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 60
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: origins
  name: 'function-app'
  properties: {
    hostName: originHostName
    originHostHeader: originHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

resource cached 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'landing-and-assets'
  dependsOn: [
    origin
  ]
  properties: {
    originGroup: {
      id: origins.id
    }
    supportedProtocols: [
      'Https'
    ]
    patternsToMatch: [
      '/l/*'
      '/assets/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'UseQueryString'
      compressionSettings: {
        isCompressionEnabled: true
        contentTypesToCompress: [
          'text/html'
          'text/css'
          'application/javascript'
          'application/manifest+json'
          'image/svg+xml'
        ]
      }
    }
  }
}

resource passThrough 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'everything-else'
  dependsOn: [
    origin
    cached
  ]
  properties: {
    originGroup: {
      id: origins.id
    }
    supportedProtocols: [
      'Https'
    ]
    patternsToMatch: [
      '/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Enabled'
  }
}
