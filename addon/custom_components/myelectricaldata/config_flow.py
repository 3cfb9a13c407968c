"""Config flow: one click from the add-on's discovery (`hassio`), or the URL and token (`user`), and
re-authentication when the program's token changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import voluptuous as vol
from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.const import CONF_URL
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.service_info.hassio import HassioServiceInfo

from .api import ApiAuthError, ApiClient, ApiError
from .const import CONF_API_TOKEN, DOMAIN


class MedConfigFlow(ConfigFlow, domain=DOMAIN):
    VERSION = 1

    def __init__(self) -> None:
        self._discovered: dict[str, str] = {}

    async def _check(self, url: str, token: str | None) -> str | None:
        """None when the API answers with this token, else the error key."""
        client = ApiClient(async_get_clientsession(self.hass), url, token)
        try:
            await client.sensors()
        except ApiAuthError:
            return "invalid_auth"
        except ApiError:
            return "cannot_connect"
        return None

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        errors: dict[str, str] = {}
        if user_input is not None:
            url = str(user_input[CONF_URL]).rstrip("/")
            token = user_input.get(CONF_API_TOKEN) or None
            if (error := await self._check(url, token)) is None:
                await self.async_set_unique_id(DOMAIN)
                self._abort_if_unique_id_configured()
                return self.async_create_entry(title="MyElectricalData", data={CONF_URL: url, CONF_API_TOKEN: token})
            errors["base"] = error
        schema = vol.Schema(
            {
                vol.Required(CONF_URL, default="http://127.0.0.1:8080"): str,
                vol.Optional(CONF_API_TOKEN): str,
            }
        )
        return self.async_show_form(step_id="user", data_schema=schema, errors=errors)

    async def async_step_hassio(self, discovery_info: HassioServiceInfo) -> ConfigFlowResult:
        """The add-on announced itself to the Supervisor: address, port and token."""
        config = discovery_info.config
        url = f"http://{config['host']}:{config['port']}"
        token = str(config.get(CONF_API_TOKEN) or "")
        await self.async_set_unique_id(DOMAIN)
        # Already set up: follow the add-on's new address or token (reloads the entry).
        self._abort_if_unique_id_configured(updates={CONF_URL: url, CONF_API_TOKEN: token})
        self._discovered = {CONF_URL: url, CONF_API_TOKEN: token}
        return await self.async_step_hassio_confirm()

    async def async_step_hassio_confirm(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        errors: dict[str, str] = {}
        if user_input is not None:
            url, token = self._discovered[CONF_URL], self._discovered[CONF_API_TOKEN]
            if (error := await self._check(url, token)) is None:
                return self.async_create_entry(title="MyElectricalData", data=dict(self._discovered))
            errors["base"] = error
        return self.async_show_form(step_id="hassio_confirm", errors=errors)

    async def async_step_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        entry = self._get_reauth_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            token = user_input.get(CONF_API_TOKEN) or None
            if (error := await self._check(entry.data[CONF_URL], token)) is None:
                return self.async_update_reload_and_abort(entry, data_updates={CONF_API_TOKEN: token})
            errors["base"] = error
        schema = vol.Schema({vol.Optional(CONF_API_TOKEN): str})
        return self.async_show_form(step_id="reauth_confirm", data_schema=schema, errors=errors)
