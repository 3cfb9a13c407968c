"""One event-stream connection to the program: the latest sensors document and whether it is live."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .api import ApiAuthError, ApiClient, ApiError
from .const import BACKOFF_SECONDS, DOMAIN, ISSUE_CREDENTIALS

_LOGGER = logging.getLogger(__name__)


class MedHub:
    """Keeps one `/api/events` stream open, reconnecting with back-off; entities listen to it."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry, client: ApiClient) -> None:
        self.hass = hass
        self.entry = entry
        self.client = client
        self.data: dict[str, Any] = {}
        self.available = False
        self._listeners: list[Callable[[], None]] = []
        self._by_id: dict[str, dict[str, Any]] = {}

    @property
    def sensors(self) -> list[dict[str, Any]]:
        return list(self.data.get("sensors", []))

    @property
    def devices(self) -> list[dict[str, Any]]:
        return list(self.data.get("devices", []))

    @property
    def diagnostics(self) -> dict[str, Any]:
        return dict(self.data.get("diagnostics", {}))

    def sensor(self, unique_id: str) -> dict[str, Any] | None:
        """The catalog sensor with this unique id in the latest document."""
        return self._by_id.get(unique_id)

    @callback
    def async_add_listener(self, listener: Callable[[], None]) -> CALLBACK_TYPE:
        self._listeners.append(listener)

        @callback
        def remove() -> None:
            self._listeners.remove(listener)

        return remove

    @callback
    def _update(self, data: dict[str, Any] | None) -> None:
        if data is not None:
            self.data = data
            self._by_id = {str(s["unique_id"]): s for s in self.sensors}
            self._check_credentials()
        self.available = data is not None
        for listener in list(self._listeners):
            listener()

    def _check_credentials(self) -> None:
        if self.diagnostics.get("credentials_refused"):
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                ISSUE_CREDENTIALS,
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key=ISSUE_CREDENTIALS,
            )
        else:
            ir.async_delete_issue(self.hass, DOMAIN, ISSUE_CREDENTIALS)

    async def async_first_refresh(self) -> None:
        """Read the sensors once (raises ApiAuthError or ApiError)."""
        self._update(await self.client.sensors())

    async def async_run(self) -> None:
        """Follow the event stream forever; mark everything unavailable while it is down."""
        failures = 0
        while True:
            try:
                async for document in self.client.events():
                    failures = 0
                    self._update(document)
                reason = "the program closed the event stream"
            except ApiAuthError:
                self._update(None)
                self.entry.async_start_reauth(self.hass)
                return
            except (ApiError, OSError, TimeoutError, ValueError) as err:
                reason = str(err) or type(err).__name__
            except Exception as err:  # noqa: BLE001 - aiohttp raises many kinds; keep reconnecting
                reason = str(err) or type(err).__name__
            delay = BACKOFF_SECONDS[min(failures, len(BACKOFF_SECONDS) - 1)]
            failures += 1
            if self.available:
                _LOGGER.info("Connection to MyElectricalData lost (%s); reconnecting", reason)
            self._update(None)
            await asyncio.sleep(delay)
