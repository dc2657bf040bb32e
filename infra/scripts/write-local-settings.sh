#!/bin/sh
# azd postprovision hook: writes functions/MonaSpark.Functions/local.settings.json (git-ignored)
# from the azd environment, so the Functions app run locally talks to the provisioned storage
# with the developer's own Entra ID sign-in (rbac.bicep grants the deploying user the app's
# data-plane roles). The file is regenerated on every provision; local edits are overwritten.
#
# Host storage points at the cloud account too, so queue triggers and the MonaSpark queue
# adapter see the same queues; a deployed app consumes them as well. The same goes for the
# journal publisher: it follows the deployed app's checkpoint (optimistically, on its ETag), so the
# two do not each publish the whole journal.
# The link signing key is copied from the azd environment (azd generated it; the deployed app reads it
# from Key Vault): the file is git-ignored and holds a secret, like any local.settings.json.
# Left out on purpose: the managed identity client id (a workstation has no managed identity)
# and the Application Insights settings (ingestion requires Entra ID; local runs log to the console).
# POSIX sh, so it runs the same under azd's `shell: sh` and by hand.
set -eu

repo_root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
project_dir="$repo_root/functions/MonaSpark.Functions"
target="$project_dir/local.settings.json"

if [ ! -d "$project_dir" ]; then
  echo "write-local-settings: $project_dir not found" >&2
  exit 1
fi

values=$(azd env get-values)

# Value of $1 in the `KEY="value"` lines of `azd env get-values`; fails if missing or empty.
value() {
  line=$(printf '%s\n' "$values" | grep -m 1 "^$1=" || true)
  v=${line#*=}
  case $v in
    \"*\") v=${v#\"}; v=${v%\"} ;;
  esac
  if [ -z "$v" ]; then
    echo "write-local-settings: $1 is not set in the azd environment (run azd provision)" >&2
    exit 1
  fi
  # JSON string escaping for the two characters azd outputs could contain.
  printf '%s' "$v" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

storage_account=$(value AZURE_STORAGE_ACCOUNT_NAME)
table_uri=$(value AZURE_TABLE_SERVICE_URI)
queue_uri=$(value AZURE_QUEUE_SERVICE_URI)
eventhubs_namespace=$(value AZURE_EVENTHUBS_NAMESPACE)
eventhubs_name=$(value AZURE_EVENTHUBS_NAME)
search_endpoint=$(value AZURE_SEARCH_ENDPOINT)
openai_endpoint=$(value AZURE_OPENAI_ENDPOINT)
openai_embedding=$(value AZURE_OPENAI_EMBEDDING_DEPLOYMENT)
openai_chat=$(value AZURE_OPENAI_CHAT_DEPLOYMENT)
# The same key as the deployed app's (Key Vault holds it there), so links made locally open in the
# cloud: set in the environment (MONASPARK_LINK_SIGNING_KEY), or the one azd generated, kept in the
# environment's config. Without either, the app refuses to start and says which setting is missing.
link_signing_key=$(printf '%s\n' "$values" | grep -m 1 '^MONASPARK_LINK_SIGNING_KEY=' | sed 's/^[^=]*=//; s/^"//; s/"$//' || true)
if [ -z "$link_signing_key" ]; then
  link_signing_key=$(azd env config get infra.parameters.linkSigningKey 2>/dev/null | sed 's/^"//; s/"$//' || true)
fi
if [ -z "$link_signing_key" ]; then
  echo "write-local-settings: no link signing key found; set MonaSpark__Links__SigningKey in $target by hand" >&2
fi

cat > "$target" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "AzureWebJobsStorage__accountName": "$storage_account",
    "MonaSpark__Azure__TableServiceUri": "$table_uri",
    "MonaSpark__Azure__QueueServiceUri": "$queue_uri",
    "MonaSpark__EventHubs__FullyQualifiedNamespace": "$eventhubs_namespace",
    "MonaSpark__EventHubs__EventHubName": "$eventhubs_name",
    "MonaSpark__AzureSearch__Endpoint": "$search_endpoint",
    "MonaSpark__AzureOpenAI__Endpoint": "$openai_endpoint",
    "MonaSpark__AzureOpenAI__EmbeddingDeployment": "$openai_embedding",
    "MonaSpark__AzureOpenAI__ChatDeployment": "$openai_chat",
    "MonaSpark__Links__SigningKey": "$link_signing_key"
  }
}
JSON

echo "write-local-settings: wrote ${target#"$repo_root"/}"
