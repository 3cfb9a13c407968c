#!/usr/bin/with-contenv bashio
# shellcheck shell=bash
# Starts the program in add-on mode. It reads the add-on options itself from /data/options.json (validated
# against the same schema as every other setting) and finds Home Assistant and the MQTT broker through
# the Supervisor with SUPERVISOR_TOKEN. Logs go to the add-on Log tab, without colours (no TTY).
set -e
export DATA_DIR=/data
export PORT=8099
export API_HOST=0.0.0.0
bashio::log.info "Starting MyElectricalData (options: /data/options.json, data: /data)"
# V8 flags: the same as the Docker image's ENTRYPOINT, explained there.
exec node --optimize-for-size --invocation-count-for-turbofan=45000 /opt/myelectricaldata/main.mjs start
