"""Where the project's data files live.

The project is installed editable (`pip install -e .`, see the Makefile), so SQL files and seeds
are read from the checkout itself: one copy, versioned with the code that uses it.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent     # the warehouse package
PROJECT_ROOT = PACKAGE_DIR.parent
SQL_DIR = PROJECT_ROOT / "sql"
SEEDS_DIR = PROJECT_ROOT / "seeds"
SAMPLE_INBOX = SEEDS_DIR / "articles"
