"""The integration's client of the local API (api.py) against a real aiohttp server on loopback."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from custom_components.myelectricaldata.api import ApiAuthError, ApiClient, ApiError
from local_api import LocalApi

TOKEN = "a-token-of-thirty-two-characters!"


def run(coro: Any) -> Any:
    return asyncio.run(coro)


async def with_client(routes: dict, body: Any, token: str | None = TOKEN) -> tuple[Any, LocalApi]:
    async with LocalApi(routes) as api, aiohttp.ClientSession() as session:
        client = ApiClient(session, f"{api.url}/", token)
        return await body(client), api


def sse(*chunks: str) -> Any:
    async def handler(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"content-type": "text/event-stream"})
        await resp.prepare(request)
        for chunk in chunks:
            await resp.write(chunk.encode())
        await resp.write_eof()
        return resp

    return handler


def test_sends_the_token_and_the_integration_header() -> None:
    async def sensors(_: web.Request) -> web.Response:
        return web.json_response({"devices": [], "sensors": []})

    result, api = run(with_client({("GET", "/api/sensors"): sensors}, lambda c: c.sensors()))
    assert result == {"devices": [], "sensors": []}
    headers = api.requests[0]["headers"]
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["X-MyElectricalData-Integration"] == "home-assistant"


def test_posts_a_json_body_even_when_empty() -> None:
    async def sync(_: web.Request) -> web.Response:
        return web.json_response({"started": True}, status=202)

    _, api = run(with_client({("POST", "/api/sync"): sync}, lambda c: c.sync()))
    request = api.requests[0]
    assert request["headers"]["Content-Type"].startswith("application/json")
    assert json.loads(request["body"]) == {}


def test_syncs_one_pdl_when_given() -> None:
    async def sync(_: web.Request) -> web.Response:
        return web.json_response({"started": True}, status=202)

    _, api = run(with_client({("POST", "/api/sync"): sync}, lambda c: c.sync("12345678901234")))
    assert json.loads(api.requests[0]["body"]) == {"pdl": "12345678901234"}


def test_sends_the_pdl_and_the_range_of_a_reimport() -> None:
    async def reimport(_: web.Request) -> web.Response:
        return web.json_response({"marked": True}, status=202)

    routes = {("POST", "/api/statistics/reimport"): reimport}
    _, api = run(with_client(routes, lambda c: c.reimport_statistics("12345678901234", "2026-01-01", "2026-02-01")))
    request = api.requests[0]
    assert json.loads(request["body"]) == {"pdl": "12345678901234"}
    assert request["query"] == {"start": "2026-01-01", "end": "2026-02-01"}


def test_a_refused_token_is_an_auth_error() -> None:
    async def refused(_: web.Request) -> web.Response:
        return web.json_response({"error": {"message": "missing or wrong token"}}, status=401)

    with pytest.raises(ApiAuthError):
        run(with_client({("GET", "/api/sensors"): refused}, lambda c: c.sensors()))


def test_an_error_answer_carries_the_programs_message() -> None:
    async def conflict(_: web.Request) -> web.Response:
        return web.json_response(
            {"error": {"code": "sync_running", "message": "a sync is already running"}}, status=409
        )

    with pytest.raises(ApiError, match="/api/sync answered 409: a sync is already running"):
        run(with_client({("POST", "/api/sync"): conflict}, lambda c: c.sync()))


def test_an_unreachable_program_is_an_api_error_naming_the_url() -> None:
    async def body() -> None:
        async with aiohttp.ClientSession() as session:
            await ApiClient(session, "http://127.0.0.1:9", TOKEN).sensors()

    with pytest.raises(ApiError, match=r"cannot reach http://127\.0\.0\.1:9"):
        run(body())


def test_reads_sensors_events_and_skips_comments_and_other_events() -> None:
    stream = sse(
        ": keep-alive\n\n",
        'event: sensors\ndata: {"reason": "connected",\ndata:  "n": 1}\n\n',
        "event: other\ndata: {}\n\n",
        'id: 3\nevent: sensors\ndata: {"reason": "sync-fin',  # one event split over two writes
        'ished", "n": 2}\n\n',
    )

    async def collect(client: ApiClient) -> list[dict[str, Any]]:
        return [event async for event in client.events()]

    events, _ = run(with_client({("GET", "/api/events"): stream}, collect))
    assert events == [{"reason": "connected", "n": 1}, {"reason": "sync-finished", "n": 2}]


def test_the_event_stream_refused_or_failing() -> None:
    async def refused(_: web.Request) -> web.Response:
        return web.json_response({}, status=401)

    async def broken(_: web.Request) -> web.Response:
        return web.json_response({}, status=503)

    async def first(client: ApiClient) -> Any:
        async for event in client.events():
            return event
        return None

    with pytest.raises(ApiAuthError):
        run(with_client({("GET", "/api/events"): refused}, first))
    with pytest.raises(ApiError, match="/api/events answered 503"):
        run(with_client({("GET", "/api/events"): broken}, first))
