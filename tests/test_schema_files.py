"""The checked-in SDL matches the code, and every stored operation validates."""

from pathlib import Path

from graphql import build_schema as parse_sdl
from graphql import parse, validate

from network.app import OPERATIONS_DIR
from network.settings import load_settings
from network.wiring import graphql_schema

ROOT = Path(__file__).resolve().parent.parent
SDL_PATH = ROOT / "graphql" / "schema.graphql"


def test_schema_snapshot_is_current() -> None:
    current = graphql_schema(load_settings()).as_str() + "\n"
    assert SDL_PATH.read_text() == current, "run `network schema -o graphql/schema.graphql`"


def test_every_operation_validates_against_the_snapshot() -> None:
    schema = parse_sdl(SDL_PATH.read_text())
    files = sorted(OPERATIONS_DIR.glob("*.graphql"))
    assert len(files) >= 8
    for path in files:
        document = parse(path.read_text())
        errors = validate(schema, document)
        assert not errors, f"{path.name}: {errors}"
        names = [d.name.value for d in document.definitions if getattr(d, "name", None)]
        assert names == [path.stem], f"{path.name} must hold one operation named {path.stem}"


def test_graphql_folder_is_not_a_python_package() -> None:
    assert not (ROOT / "graphql" / "__init__.py").exists()
