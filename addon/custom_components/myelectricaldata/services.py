"""`myelectricaldata.sync` and `myelectricaldata.reimport_statistics`, forwarded to the program."""

from __future__ import annotations

from datetime import date

import voluptuous as vol
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv

from .api import ApiError
from .const import DOMAIN
from .coordinator import MedHub

PDL = vol.All(cv.string, vol.Match(r"^\d{14}$"))
SYNC_SCHEMA = vol.Schema({vol.Optional("pdl"): PDL})
REIMPORT_SCHEMA = vol.Schema({vol.Required("pdl"): PDL, vol.Required("start"): cv.date, vol.Required("end"): cv.date})


def _hub(hass: HomeAssistant, pdl: str | None) -> MedHub:
    entries = [e for e in hass.config_entries.async_entries(DOMAIN) if e.state is ConfigEntryState.LOADED]
    if not entries:
        raise ServiceValidationError(translation_domain=DOMAIN, translation_key="not_loaded")
    hub: MedHub = entries[0].runtime_data
    if pdl is not None and not any(d.get("pdl") == pdl for d in hub.devices):
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="unknown_pdl", translation_placeholders={"pdl": pdl}
        )
    return hub


def async_setup_services(hass: HomeAssistant) -> None:
    async def sync(call: ServiceCall) -> None:
        # The program asks the gateway only for what is missing (of every PDL, or of the one given).
        pdl: str | None = call.data.get("pdl")
        hub = _hub(hass, pdl)
        try:
            await hub.client.sync(pdl)
        except ApiError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN, translation_key="sync_refused", translation_placeholders={"error": str(err)}
            ) from err

    async def reimport(call: ServiceCall) -> None:
        start: date = call.data["start"]
        end: date = call.data["end"]
        hub = _hub(hass, call.data["pdl"])
        try:
            await hub.client.reimport_statistics(call.data["pdl"], start.isoformat(), end.isoformat())
        except ApiError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="reimport_refused",
                translation_placeholders={"error": str(err)},
            ) from err

    hass.services.async_register(DOMAIN, "sync", sync, schema=SYNC_SCHEMA)
    hass.services.async_register(DOMAIN, "reimport_statistics", reimport, schema=REIMPORT_SCHEMA)
