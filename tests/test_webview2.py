"""The WebView2 runtime check (rio_desktop._webview2), with the registry
given as a dictionary: which keys count, and what the user is told."""

from __future__ import annotations

import pytest

from rio_desktop._webview2 import (
    DOWNLOAD_URL,
    REGISTRY_KEYS,
    installed_version,
    missing_runtime_message,
)

CLIENT = r"Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"


def registry(values: dict[tuple[str, str], str]):
    """A registry reader holding only `values`: (hive, key) -> pv."""

    def read(hive: str, key: str, name: str) -> str | None:
        assert name == "pv"
        return values.get((hive, key))

    return read


@pytest.mark.parametrize(
    "hive, key",
    [
        ("HKEY_LOCAL_MACHINE", rf"SOFTWARE\WOW6432Node\{CLIENT}"),
        ("HKEY_LOCAL_MACHINE", rf"SOFTWARE\{CLIENT}"),
        ("HKEY_CURRENT_USER", rf"SOFTWARE\{CLIENT}"),
    ],
)
def test_the_runtime_counts_per_machine_64_and_32_bit_and_per_user(
    hive: str, key: str
) -> None:
    read = registry({(hive, key): "131.0.2903.70"})
    assert installed_version(read) == "131.0.2903.70"
    assert missing_runtime_message("Counter", read) is None


@pytest.mark.parametrize("version", [None, "", "0.0.0.0"])
def test_no_key_or_an_empty_version_means_missing(
    version: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WEBVIEW2_BROWSER_EXECUTABLE_FOLDER", raising=False)
    values = {} if version is None else {REGISTRY_KEYS[0]: version}
    message = missing_runtime_message("Counter", registry(values))
    assert message is not None
    assert "Counter needs the Microsoft Edge WebView2 Runtime" in message
    assert DOWNLOAD_URL in message


def test_a_fixed_version_runtime_given_by_its_variable_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WEBVIEW2_BROWSER_EXECUTABLE_FOLDER", r"C:\runtime")
    assert missing_runtime_message("Counter", registry({})) is None
