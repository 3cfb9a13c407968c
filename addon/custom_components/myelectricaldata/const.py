"""Constants of the MyElectricalData integration."""

from typing import Final

DOMAIN: Final = "myelectricaldata"
CONF_API_TOKEN: Final = "api_token"
INTEGRATION_HEADER: Final = "X-MyElectricalData-Integration"
ISSUE_CREDENTIALS: Final = "gateway_credentials_refused"
# Reconnect delays of the event stream, in seconds (the last one repeats).
BACKOFF_SECONDS: Final = (1, 2, 5, 10, 20, 30)
# The program sends a comment every 25 s: a silent stream for longer is dead.
STREAM_READ_TIMEOUT: Final = 90
