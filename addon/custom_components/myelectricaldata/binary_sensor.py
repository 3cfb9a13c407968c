"""A problem sensor per PDL: on when the last sync failed or this PDL's streams are failing."""

from __future__ import annotations

from typing import Any

from homeassistant.components.binary_sensor import BinarySensorDeviceClass, BinarySensorEntity
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import MedConfigEntry
from .coordinator import MedHub
from .entity import MedEntity


class ProblemSensor(MedEntity, BinarySensorEntity):
    _attr_device_class = BinarySensorDeviceClass.PROBLEM
    _attr_entity_category = EntityCategory.DIAGNOSTIC
    _attr_translation_key = "problem"

    def __init__(self, hub: MedHub, device: dict[str, Any]) -> None:
        super().__init__(hub, device)
        self._pdl = str(device["pdl"])
        self._attr_unique_id = f"myelectricaldata_linky_{self._pdl}_problem"

    def _sync_status(self) -> dict[str, Any] | None:
        return self.hub.sensor(f"myelectricaldata_linky_{self._pdl}_sync_status")

    @property
    def is_on(self) -> bool:
        status = self._sync_status()
        return bool(self.hub.diagnostics.get("problem")) or (status is not None and status.get("value") == "error")

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        d = self.hub.diagnostics
        status = self._sync_status()
        error = None if status is None else (status.get("attributes") or {}).get("error")
        return {"code": d.get("problem_code"), "message": d.get("problem_message") or error}


async def async_setup_entry(
    hass: HomeAssistant, entry: MedConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    hub = entry.runtime_data
    async_add_entities(ProblemSensor(hub, d) for d in hub.devices if d.get("pdl"))
