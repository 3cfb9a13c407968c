"""The catalog's sensors (one entity per sensor and device) and the diagnostics of each PDL."""

from __future__ import annotations

from datetime import date
from typing import Any

from homeassistant.components.sensor import SensorDeviceClass, SensorEntity, SensorStateClass
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from . import MedConfigEntry
from .coordinator import MedHub
from .entity import MedEntity


def _language(hass: HomeAssistant) -> str:
    return "fr" if hass.config.language.startswith("fr") else "en"


class CatalogSensor(MedEntity, SensorEntity):
    """One sensor of the program's catalog on one device; everything about it comes from the catalog."""

    def __init__(self, hub: MedHub, device: dict[str, Any], sensor: dict[str, Any], language: str) -> None:
        super().__init__(hub, device)
        self._attr_unique_id = str(sensor["unique_id"])
        self._attr_name = str(sensor["names"][language])
        if sensor.get("device_class"):
            self._attr_device_class = SensorDeviceClass(sensor["device_class"])
        if sensor.get("state_class"):
            self._attr_state_class = SensorStateClass(sensor["state_class"])
        self._attr_native_unit_of_measurement = sensor.get("unit")
        self._attr_options = sensor.get("options")
        self._attr_icon = sensor.get("icon")
        if sensor.get("entity_category") == "diagnostic":
            self._attr_entity_category = EntityCategory.DIAGNOSTIC

    @property
    def available(self) -> bool:
        return self.hub.available and self.hub.sensor(str(self.unique_id)) is not None

    @property
    def native_value(self) -> Any:
        sensor = self.hub.sensor(str(self.unique_id))
        value = None if sensor is None else sensor.get("value")
        if value is None:
            return None
        if self.device_class == SensorDeviceClass.TIMESTAMP:
            return dt_util.parse_datetime(str(value))
        if self.device_class == SensorDeviceClass.ENUM:
            return str(value)
        return value

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        sensor = self.hub.sensor(str(self.unique_id))
        return None if sensor is None else dict(sensor.get("attributes") or {})


class NewestDaySensor(MedEntity, SensorEntity):
    """The newest day of energy the program holds for this PDL."""

    _attr_device_class = SensorDeviceClass.DATE
    _attr_entity_category = EntityCategory.DIAGNOSTIC
    _attr_translation_key = "newest_day"

    def __init__(self, hub: MedHub, device: dict[str, Any]) -> None:
        super().__init__(hub, device)
        self._attr_unique_id = f"myelectricaldata_linky_{device['pdl']}_newest_day"
        self._pdl = str(device["pdl"])

    @property
    def native_value(self) -> date | None:
        day = self.hub.diagnostics.get("newest_day", {}).get(self._pdl)
        return None if day is None else dt_util.parse_date(str(day))


class QuotaSensor(MedEntity, SensorEntity):
    """Gateway requests used today (the cached bucket), with the limits as attributes."""

    _attr_entity_category = EntityCategory.DIAGNOSTIC
    _attr_translation_key = "gateway_quota"
    _attr_state_class = SensorStateClass.MEASUREMENT

    def __init__(self, hub: MedHub, device: dict[str, Any]) -> None:
        super().__init__(hub, device)
        self._attr_unique_id = f"myelectricaldata_linky_{device['pdl']}_gateway_quota"

    @property
    def native_value(self) -> int | None:
        used = self.hub.diagnostics.get("quota", {}).get("cachedUsed")
        return None if used is None else int(used)

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        return dict(self.hub.diagnostics.get("quota", {}))


def _entities(hub: MedHub, language: str, known: set[str]) -> list[SensorEntity]:
    devices = {str(d["id"]): d for d in hub.devices}
    out: list[SensorEntity] = []
    for sensor in hub.sensors:
        device = devices.get(str(sensor["device_id"]))
        if device is None or sensor["unique_id"] in known:
            continue
        known.add(str(sensor["unique_id"]))
        out.append(CatalogSensor(hub, device, sensor, language))
    for device in devices.values():
        if device.get("pdl") and f"{device['id']}:diag" not in known:
            known.add(f"{device['id']}:diag")
            out += [NewestDaySensor(hub, device), QuotaSensor(hub, device)]
    return out


async def async_setup_entry(
    hass: HomeAssistant, entry: MedConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    hub = entry.runtime_data
    language = _language(hass)
    known: set[str] = set()
    async_add_entities(_entities(hub, language, known))

    @callback
    def add_new() -> None:
        # A PDL added to the account, or production appearing, brings new sensors.
        if new := _entities(hub, language, known):
            async_add_entities(new)

    entry.async_on_unload(hub.async_add_listener(add_new))
