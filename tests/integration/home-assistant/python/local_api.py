"""A stand-in for the program's local API on a real aiohttp server (loopback), recording requests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class LocalApi:
    """Serves the given routes on 127.0.0.1 and records each request (method, path, headers, body)."""

    def __init__(self, routes: dict[tuple[str, str], Handler]) -> None:
        self.requests: list[dict[str, Any]] = []
        self._routes = routes
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def __aenter__(self) -> LocalApi:
        app = web.Application()
        for (method, path), handler in self._routes.items():
            app.router.add_route(method, path, self._recording(handler))
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner:
            await self._runner.cleanup()

    def _recording(self, handler: Handler) -> Handler:
        async def record(request: web.Request) -> web.StreamResponse:
            body = await request.text()
            self.requests.append(
                {
                    "method": request.method,
                    "path": request.path,
                    "query": dict(request.query),
                    "headers": dict(request.headers),
                    "body": body,
                }
            )
            return await handler(request)

        return record
