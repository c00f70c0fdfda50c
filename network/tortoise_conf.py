"""Module-level Tortoise config for the `tortoise` command (makemigrations, sqlmigrate)."""

from network.db import tortoise_config
from network.settings import load_settings

TORTOISE_ORM = tortoise_config(load_settings())
