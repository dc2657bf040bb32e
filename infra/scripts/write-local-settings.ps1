#!/usr/bin/env pwsh
# Windows counterpart of write-local-settings.sh (azd postprovision hook); see that script for
# why each setting is, or is not, written.
$ErrorActionPreference = 'Stop'

$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$projectDir = Join-Path $repoRoot 'functions/MonaSpark.Functions'
$target = Join-Path $projectDir 'local.settings.json'

if (-not (Test-Path $projectDir -PathType Container)) {
    throw "write-local-settings: $projectDir not found"
}

$lines = azd env get-values
if ($LASTEXITCODE -ne 0) {
    throw 'write-local-settings: azd env get-values failed'
}

$values = @{}
foreach ($line in $lines) {
    if ($line -match '^([^=]+)=(.*)$') {
        $values[$Matches[1]] = $Matches[2] -replace '^"(.*)"$', '$1'
    }
}

function Get-AzdValue([string] $name) {
    if (-not $values[$name]) {
        throw "write-local-settings: $name is not set in the azd environment (run azd provision)"
    }
    $values[$name]
}

# The same key as the deployed app's: set in the environment, or the one azd generated (environment config).
$linkSigningKey = (azd env get-values | Select-String -Pattern '^MONASPARK_LINK_SIGNING_KEY="?([^"]*)"?$' | Select-Object -First 1 | ForEach-Object { $_.Matches[0].Groups[1].Value })
if (-not $linkSigningKey) {
    $linkSigningKey = (azd env config get infra.parameters.linkSigningKey 2>$null) -replace '^"|"$', ''
}
if (-not $linkSigningKey) {
    Write-Warning "write-local-settings: no link signing key found; set MonaSpark__Links__SigningKey in $target by hand"
}

$settings = [ordered]@{
    IsEncrypted = $false
    Values      = [ordered]@{
        FUNCTIONS_WORKER_RUNTIME          = 'dotnet-isolated'
        AzureWebJobsStorage__accountName  = Get-AzdValue 'AZURE_STORAGE_ACCOUNT_NAME'
        MonaSpark__Azure__TableServiceUri = Get-AzdValue 'AZURE_TABLE_SERVICE_URI'
        MonaSpark__Azure__QueueServiceUri = Get-AzdValue 'AZURE_QUEUE_SERVICE_URI'
        MonaSpark__EventHubs__FullyQualifiedNamespace = Get-AzdValue 'AZURE_EVENTHUBS_NAMESPACE'
        MonaSpark__EventHubs__EventHubName = Get-AzdValue 'AZURE_EVENTHUBS_NAME'
        MonaSpark__AzureSearch__Endpoint = Get-AzdValue 'AZURE_SEARCH_ENDPOINT'
        MonaSpark__AzureOpenAI__Endpoint = Get-AzdValue 'AZURE_OPENAI_ENDPOINT'
        MonaSpark__AzureOpenAI__EmbeddingDeployment = Get-AzdValue 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT'
        MonaSpark__AzureOpenAI__ChatDeployment = Get-AzdValue 'AZURE_OPENAI_CHAT_DEPLOYMENT'
        # The deployed app reads it from Key Vault; locally the git-ignored file holds it.
        MonaSpark__Links__SigningKey = $linkSigningKey
    }
}

$settings | ConvertTo-Json -Depth 3 | Set-Content -Path $target -Encoding utf8
Write-Host "write-local-settings: wrote $target"
