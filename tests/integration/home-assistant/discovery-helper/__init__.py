"""Test helper only: starts a config flow with source `hassio`, as the Supervisor's discovery does.

The REST flow API starts flows with source `user` only, so the test calls the service `med_test.discover`
with the payload the add-on posted to the Supervisor stand-in.
"""

from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import discovery_flow
from homeassistant.helpers.service_info.hassio import HassioServiceInfo
from homeassistant.helpers.typing import ConfigType


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    async def discover(call: ServiceCall) -> None:
        info = HassioServiceInfo(
            config=dict(call.data["config"]), name="MyElectricalData", slug="local_myelectricaldata", uuid="test"
        )
        discovery_flow.async_create_flow(hass, "myelectricaldata", {"source": "hassio"}, info)

    hass.services.async_register("med_test", "discover", discover)
    return True
