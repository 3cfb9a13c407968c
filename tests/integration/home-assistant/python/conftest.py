"""Puts the add-on folder on the path, so the tests import `custom_components.myelectricaldata`."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.environ.get("MED_ADDON_DIR", os.path.join(os.path.dirname(__file__), "../../../../addon")))
