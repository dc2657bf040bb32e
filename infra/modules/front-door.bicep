// Azure Front Door (Standard): the public origin of the landing pages, the unsubscribe pages and the
// webhooks. This module makes the profile, its endpoint and the WAF policy; the endpoint's host name
// is known before the function app exists, so the app's links can be built on it. The routes to the
// app come after the app (front-door-routes.bicep).
//
// WAF (custom rules; managed rule sets need the Premium tier): a per-client rate limit on the public
// pages and webhooks, and method restrictions. In Prevention mode.

@description('Name of the Front Door profile (globally unique endpoint names derive from it).')
param name string

@description('Tags applied to every resource.')
param tags object = {}

@description('Requests per minute one client IP may make to the public pages before the WAF blocks it.')
@minValue(10)
param ratePerMinute int = 300

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: '${name}-web'
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

resource waf 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  // Letters and digits only.
  name: replace('${name}waf', '-', '')
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      requestBodyCheck: 'Enabled'
    }
    customRules: {
      rules: [
        {
          name: 'RateLimitPublicPages'
          priority: 10
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: ratePerMinute
          action: 'Block'
          matchConditions: [
            {
              matchVariable: 'RequestUri'
              operator: 'RegEx'
              matchValue: [
                '/(l|u|portal|api)/'
              ]
              negateCondition: false
              transforms: [
                'Lowercase'
              ]
            }
          ]
        }
        {
          name: 'OnlyGetHeadPost'
          priority: 20
          enabledState: 'Enabled'
          ruleType: 'MatchRule'
          action: 'Block'
          matchConditions: [
            {
              matchVariable: 'RequestMethod'
              operator: 'Equal'
              matchValue: [
                'GET'
                'HEAD'
                'POST'
                'OPTIONS'
              ]
              negateCondition: true
            }
          ]
        }
      ]
    }
  }
}

resource security 'Microsoft.Cdn/profiles/securityPolicies@2024-02-01' = {
  parent: profile
  name: 'waf'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: waf.id
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

output profileName string = profile.name
output endpointName string = endpoint.name
output hostName string = endpoint.properties.hostName
output origin string = 'https://${endpoint.properties.hostName}'
