"""gi.repository.JavaScriptCore exists only at run time (GObject introspection): tell
PyInstaller's import analysis so, as its own hooks do for Gtk and the rest;
hook-gi.repository.JavaScriptCore.py in the folder above then collects its typelib."""


def pre_safe_import_module(api):  # type: ignore[no-untyped-def]
    api.add_runtime_module(api.module_name)
