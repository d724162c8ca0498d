"""Training: the learned entity typer fitted on the entity gold's train split (`entity_typer`,
run by `make train`), written to `models/`."""
