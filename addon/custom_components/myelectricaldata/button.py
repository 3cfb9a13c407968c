""" "Sync now" on each PDL: starts a sync of the program (which only asks the gateway for what is missing)."""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import MedConfigEntry
from .api import ApiError
from .const import DOMAIN
from .coordinator import MedHub
from .entity import MedEntity


class SyncButton(MedEntity, ButtonEntity):
    _attr_translation_key = "sync_now"

    def __init__(self, hub: MedHub, device: dict[str, object]) -> None:
        super().__init__(hub, device)
        self._attr_unique_id = f"myelectricaldata_linky_{device['pdl']}_sync_now"

    async def async_press(self) -> None:
        try:
            await self.hub.client.sync()
        except ApiError as err:
            raise HomeAssistantError(
                translation_domain=DOMAIN, translation_key="sync_refused", translation_placeholders={"error": str(err)}
            ) from err


async def async_setup_entry(
    hass: HomeAssistant, entry: MedConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    hub = entry.runtime_data
    async_add_entities(SyncButton(hub, d) for d in hub.devices if d.get("pdl"))
