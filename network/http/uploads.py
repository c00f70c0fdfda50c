"""File uploads in GraphQL requests (the graphql-multipart-request specification).

A multipart body carries an `operations` field (the usual JSON request), a `map`
field (which file goes to which variable path, e.g. `{"0": ["variables.input.file"]}`)
and the files. The body has already been read whole under the upload size limit;
parsing happens in memory, so an uploaded file never touches the disk and is gone
once the request ends.
"""

import json
from dataclasses import dataclass
from typing import Any

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

MAX_FILES = 1
MAX_PARTS = 4  # operations, map and the files
MAX_FIELD_BYTES = 256 * 1024


class UploadRejected(ValueError):
    """The multipart body is not a valid GraphQL upload request; the message says why."""


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    content_type: str | None
    data: bytes

    @property
    def stem(self) -> str:
        return self.filename.rsplit(".", 1)[0] or self.filename


@dataclass
class _Part:
    name: str = ""
    filename: str | None = None
    content_type: str | None = None
    data: bytearray | None = None


def _parts(content_type: str, body: bytes) -> list[_Part]:
    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        raise UploadRejected("The multipart request has no boundary.")
    parts: list[_Part] = []
    header: dict[str, bytearray] = {"field": bytearray(), "value": bytearray()}
    headers: dict[str, str] = {}

    def begin() -> None:
        if len(parts) >= MAX_PARTS:
            raise UploadRejected(
                f"A request carries `operations`, `map` and at most {MAX_FILES} file."
            )
        parts.append(_Part(data=bytearray()))
        headers.clear()

    def field(data: bytes, start: int, end: int) -> None:
        header["field"] += data[start:end]

    def value(data: bytes, start: int, end: int) -> None:
        header["value"] += data[start:end]

    def header_end() -> None:
        name = header["field"].decode("latin-1").lower()
        headers[name] = header["value"].decode("utf-8", "replace")
        header["field"], header["value"] = bytearray(), bytearray()

    def headers_done() -> None:
        part = parts[-1]
        _, disposition = parse_options_header(headers.get("content-disposition", ""))
        part.name = disposition.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in disposition:
            part.filename = disposition[b"filename"].decode("utf-8", "replace")
            part.content_type = headers.get("content-type")

    def data(chunk: bytes, start: int, end: int) -> None:
        part = parts[-1]
        if part.data is None:
            part.data = bytearray()
        if part.filename is None and len(part.data) + end - start > MAX_FIELD_BYTES:
            raise UploadRejected(f"`{part.name}` is over {MAX_FIELD_BYTES // 1024} KiB.")
        part.data += chunk[start:end]

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": begin,
            "on_header_field": field,
            "on_header_value": value,
            "on_header_end": header_end,
            "on_headers_finished": headers_done,
            "on_part_data": data,
        },
    )
    try:
        parser.write(body)
        parser.finalize()
    except MultipartParseError:
        raise UploadRejected("The multipart body is malformed.") from None
    return parts


def graphql_upload_request(content_type: str, body: bytes) -> dict[str, Any]:
    """The JSON request of a multipart body, with each file placed at its variable path."""
    parts = {p.name: p for p in _parts(content_type, body)}
    try:
        operations = json.loads(bytes(parts["operations"].data or b""))
        mapping = json.loads(bytes(parts["map"].data or b""))
    except KeyError:
        raise UploadRejected("A multipart request needs `operations` and `map` fields.") from None
    except (ValueError, UnicodeDecodeError):
        raise UploadRejected("`operations` and `map` must be JSON.") from None
    if not isinstance(operations, dict) or not isinstance(mapping, dict):
        raise UploadRejected("`operations` must be a JSON object (batches are not supported).")
    if len(mapping) > MAX_FILES:
        raise UploadRejected(f"At most {MAX_FILES} file per request.")
    for key, paths in mapping.items():
        part = parts.get(key)
        if part is None or part.filename is None:
            raise UploadRejected(f"The map names file `{key}`, which the request does not carry.")
        if not isinstance(paths, list) or not paths or not all(isinstance(p, str) for p in paths):
            raise UploadRejected("Each `map` entry is a list of variable paths.")
        upload = UploadedFile(
            filename=part.filename[:200] or "upload",
            content_type=part.content_type,
            data=bytes(part.data or b""),
        )
        for path in paths:
            _place(operations, path, upload)
    return operations


def _place(operations: dict[str, Any], path: str, upload: UploadedFile) -> None:
    """Put `upload` where `path` (e.g. `variables.input.file`) points; the slot must
    exist and be null, as the specification asks clients to send it."""
    keys = path.split(".")
    if len(keys) < 2 or keys[0] != "variables" or len(keys) > 10:
        raise UploadRejected(f"`{path[:100]}` is not a path into `variables`.")
    target: Any = operations
    for key in keys[:-1]:
        target = _step(target, key, path)
    last = keys[-1]
    if isinstance(target, dict) and target.get(last, ...) is None:
        target[last] = upload
    elif isinstance(target, list) and last.isdigit() and int(last) < len(target):
        target[int(last)] = upload
    else:
        raise UploadRejected(f"`{path[:100]}` does not name a null variable slot.")


def _step(target: Any, key: str, path: str) -> Any:
    if isinstance(target, dict) and isinstance(target.get(key), dict | list):
        return target[key]
    if isinstance(target, list) and key.isdigit() and int(key) < len(target):
        return target[int(key)]
    raise UploadRejected(f"`{path[:100]}` does not name a variable slot.")
