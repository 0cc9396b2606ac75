"""Hosts: what differs between a browser tab and a native window."""
