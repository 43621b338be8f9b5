"""Constants and helpers shared by the desk's browser tests (fixtures are in conftest.py)."""
import requests

PASSWORD = "a desk password for browser tests"
HOLD = "أحب البطيخ"  # the fixture policy holds «بطيخ»
LAPTOP = {"width": 1280, "height": 900}


def public_ids(live_server, key):
    response = requests.get(f"{live_server.url}/api/v1/threads/{key}/comments", timeout=10)
    return [c["id"] for c in response.json()["comments"]]
