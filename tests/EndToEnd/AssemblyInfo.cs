// The end-to-end tests start whole hosts (demos that ingest, train and run journeys; Chromium for the
// browser tests): on a 2-core machine, running two at once made their timing budgets and the
// resolution of re-fetched records depend on the other's load. One at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
