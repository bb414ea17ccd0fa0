"""Where the design card's top-level folders go when wirehouse is installed.

The repository keeps `flows/`, `tasks/`, `sql/` and `seeds/` at the top; installed, they live inside the
`wirehouse` package, so that nothing generic (`flows`, `tasks`) lands in site-packages and a wheel carries
the SQL files and the reference CSVs it needs (`wirehouse.paths` finds them in either place).
Everything else about the package is in pyproject.toml.
"""

from setuptools import find_packages, setup

FOLDERS = {"wirehouse.flows": "flows", "wirehouse.tasks": "tasks", "wirehouse.sql": "sql", "wirehouse.seeds": "seeds"}

setup(
    packages=find_packages(include=["wirehouse", "wirehouse.*"]) + list(FOLDERS),
    package_dir={"wirehouse": "wirehouse", **FOLDERS},
    package_data={"wirehouse.sql": ["**/*.sql"], "wirehouse.seeds": ["*.csv"]},
)
