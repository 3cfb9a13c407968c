"""MyElectricalData: the devices and entities of the MyElectricalData program (add-on or standalone).

All logic lives in the program; this integration reads its local API (`/api/sensors`, `/api/events`)
and forwards the buttons and services to it.
"""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_URL, Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed, ConfigEntryNotReady
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.typing import ConfigType

from .api import ApiAuthError, ApiClient, ApiError
from .const import CONF_API_TOKEN, DOMAIN
from .coordinator import MedHub
from .services import async_setup_services

PLATFORMS = [Platform.BINARY_SENSOR, Platform.BUTTON, Platform.SENSOR]

type MedConfigEntry = ConfigEntry[MedHub]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    async_setup_services(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: MedConfigEntry) -> bool:
    client = ApiClient(async_get_clientsession(hass), entry.data[CONF_URL], entry.data.get(CONF_API_TOKEN))
    hub = MedHub(hass, entry, client)
    try:
        await hub.async_first_refresh()
    except ApiAuthError as err:
        raise ConfigEntryAuthFailed(str(err)) from err
    except ApiError as err:
        raise ConfigEntryNotReady(str(err)) from err
    entry.runtime_data = hub
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    entry.async_create_background_task(hass, hub.async_run(), f"{DOMAIN} event stream")
    return True


async def async_unload_entry(hass: HomeAssistant, entry: MedConfigEntry) -> bool:
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
