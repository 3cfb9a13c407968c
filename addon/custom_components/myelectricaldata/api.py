"""The program's local API: the only thing this integration talks to."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp

from .const import INTEGRATION_HEADER, STREAM_READ_TIMEOUT


class ApiError(Exception):
    """The local API could not be reached or answered an error."""


class ApiAuthError(ApiError):
    """The local API refused the token."""


class ApiClient:
    """Calls the local API of the MyElectricalData program with its token."""

    def __init__(self, session: aiohttp.ClientSession, url: str, token: str | None) -> None:
        self._session = session
        self.url = url.rstrip("/")
        self._token = token or None

    def _headers(self) -> dict[str, str]:
        headers = {INTEGRATION_HEADER: "home-assistant"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        return headers

    async def _request(self, method: str, path: str, *, body: Any = None, params: dict[str, str] | None = None) -> Any:
        try:
            async with self._session.request(
                method,
                f"{self.url}{path}",
                headers=self._headers(),
                # The program wants a JSON body on every POST (cross-site guard).
                json=body if body is not None or method == "GET" else {},
                params=params,
                timeout=aiohttp.ClientTimeout(total=30),
            ) as resp:
                if resp.status == 401:
                    raise ApiAuthError("the program refused the API token")
                payload = await resp.json(content_type=None)
                if resp.status >= 400:
                    message = payload.get("error", {}).get("message", resp.reason)
                    raise ApiError(f"{path} answered {resp.status}: {message}")
                return payload
        except (aiohttp.ClientError, TimeoutError, ValueError) as err:
            raise ApiError(f"cannot reach {self.url}: {err}") from err

    async def sensors(self) -> dict[str, Any]:
        """The sensor catalog with current values (GET /api/sensors)."""
        result: dict[str, Any] = await self._request("GET", "/api/sensors")
        return result

    async def sync(self, pdl: str | None = None) -> dict[str, Any]:
        """Start a sync of every PDL, or of one (POST /api/sync)."""
        result: dict[str, Any] = await self._request("POST", "/api/sync", body={"pdl": pdl} if pdl else None)
        return result

    async def reimport_statistics(self, pdl: str, start: str, end: str) -> dict[str, Any]:
        """Re-import the statistics of a PDL over a range of days (end exclusive)."""
        result: dict[str, Any] = await self._request(
            "POST", "/api/statistics/reimport", body={"pdl": pdl}, params={"start": start, "end": end}
        )
        return result

    async def events(self) -> AsyncIterator[dict[str, Any]]:
        """Yield each `sensors` event of GET /api/events until the stream ends."""
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=10, sock_read=STREAM_READ_TIMEOUT)
        async with self._session.get(f"{self.url}/api/events", headers=self._headers(), timeout=timeout) as resp:
            if resp.status == 401:
                raise ApiAuthError("the program refused the API token")
            if resp.status != 200:
                raise ApiError(f"/api/events answered {resp.status}")
            event = ""
            data: list[str] = []
            async for raw in resp.content:
                line = raw.decode("utf-8").rstrip("\r\n")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip())
                elif line == "":
                    if event == "sensors" and data:
                        yield json.loads("\n".join(data))
                    event, data = "", []
