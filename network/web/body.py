"""Reading request bodies with a hard size limit, declared or not (chunked)."""

from starlette.requests import Request


class BodyRejected(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BodyRejected(400, "Content-Length is not a number.")
        if int(declared) > limit:
            raise BodyRejected(413, f"Request bodies are limited to {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyRejected(413, f"Request bodies are limited to {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)
