"""What every entity of this integration shares: its device and its availability."""

from __future__ import annotations

from typing import Any

from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity

from .const import DOMAIN
from .coordinator import MedHub


def device_info(hub: MedHub, device: dict[str, Any]) -> DeviceInfo:
    """A catalog device as a Home Assistant device (one per PDL, one each for Tempo and EcoWatt)."""
    info = DeviceInfo(
        identifiers={(DOMAIN, str(device["id"]))},
        name=str(device["name"]),
        manufacturer=str(device["manufacturer"]),
        model=str(device["model"]),
        sw_version=str(hub.data.get("version", "")) or None,
    )
    if device.get("serial_number"):
        info["serial_number"] = str(device["serial_number"])
    return info


class MedEntity(Entity):
    """Pushed by the hub: no polling, unavailable while the program is unreachable."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, hub: MedHub, device: dict[str, Any]) -> None:
        self.hub = hub
        self.device_id = str(device["id"])
        self._attr_device_info = device_info(hub, device)

    @property
    def available(self) -> bool:
        return self.hub.available

    async def async_added_to_hass(self) -> None:
        self.async_on_remove(self.hub.async_add_listener(self.async_write_ha_state))
