"""Print the pip requirements of the Home Assistant integrations the tests load.

Runs inside the chroot's Home Assistant venv. It walks the manifests of the given
integrations, of everything the bootstrap always loads, and of their dependencies,
so that `hass --skip-pip` finds every requirement already installed.
"""

import json
import sys
from pathlib import Path

import homeassistant.bootstrap as bootstrap
import homeassistant.components as components

COMPONENTS = Path(components.__file__).parent


def always_loaded() -> set[str]:
    """Integration names from the bootstrap's module-level sets (names vary by version)."""
    found: set[str] = set()
    for name, value in vars(bootstrap).items():
        if name.isupper() and isinstance(value, (set, frozenset)):
            found.update(item for item in value if isinstance(item, str))
    return found


def manifest(domain: str) -> dict | None:
    path = COMPONENTS / domain / "manifest.json"
    return json.loads(path.read_text()) if path.exists() else None


def requirements(domains: set[str]) -> list[str]:
    seen: set[str] = set()
    todo = list(domains)
    reqs: set[str] = set()
    while todo:
        domain = todo.pop()
        if domain in seen:
            continue
        seen.add(domain)
        data = manifest(domain)
        if data is None:
            continue
        reqs.update(data.get("requirements", []))
        todo.extend(data.get("dependencies", []))
    return sorted(reqs)


if __name__ == "__main__":
    wanted = set(sys.argv[1:]) | always_loaded()
    print("\n".join(requirements(wanted)))
