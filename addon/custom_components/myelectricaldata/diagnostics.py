"""Diagnostics download: the entry (token redacted) and the latest sensors document."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import REDACTED, async_redact_data
from homeassistant.core import HomeAssistant

from . import MedConfigEntry
from .const import CONF_API_TOKEN

TO_REDACT = {CONF_API_TOKEN, "address", "street", "city", "postal_code", "insee_code"}


async def async_get_config_entry_diagnostics(hass: HomeAssistant, entry: MedConfigEntry) -> dict[str, Any]:
    hub = entry.runtime_data
    document = dict(hub.data)
    document["sensors"] = [
        {**s, "value": REDACTED, "attributes": REDACTED} if s.get("key") == "address" else s for s in hub.sensors
    ]
    return {
        "entry": async_redact_data(dict(entry.data), TO_REDACT),
        "available": hub.available,
        "document": async_redact_data(document, TO_REDACT),
    }
