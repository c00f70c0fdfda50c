"""The file of a multipart GraphQL request, as mutations receive it."""

from typing import Any

from network.errors import InvalidInput
from network.http.uploads import UploadedFile


def uploaded_file(value: Any) -> UploadedFile:
    """The uploaded file a mutation's `file` variable holds, or a clear payload error
    (a JSON string in its place, say)."""
    if not isinstance(value, UploadedFile):
        raise InvalidInput(
            "Send the file as a multipart request (graphql-multipart-request).", field="file"
        )
    return value
