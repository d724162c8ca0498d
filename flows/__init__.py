"""The Prefect layer: flows and deployments only. Every real step is a `warehouse` function."""
