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
    }
}

$settings | ConvertTo-Json -Depth 3 | Set-Content -Path $target -Encoding utf8
Write-Host "write-local-settings: wrote $target"
