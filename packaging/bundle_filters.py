"""What the bundle leaves out: Python modules, Qt modules, Qt plugins and translations.

Imported by addressbook.spec (and by the hello-world bundle of bench/bench_bundle.py, so
both are built the same way) and by tests/packaging. Standard library only: it runs inside
PyInstaller's spec namespace.

PyInstaller's Qt hooks collect every plugin a Qt module may load (all platforms, all image
formats, input methods, EGL device integrations...). The app is a widgets program that
draws PNG and SVG icons, so most of those are dead weight; the lists below keep what a
desktop session can need and drop the rest by destination path after Analysis.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt Python modules the app always needs; any other PySide6.Qt* module imported by the
# source (found by scan_qt_imports) is kept too, so a new import never breaks the bundle.
BASE_QT_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets"})

# Every PySide6 binding module PyInstaller has a hook for that a widgets app might pull in
# through a stray import; excluding them stops their hooks from collecting libraries.
OPTIONAL_QT_MODULES = frozenset({
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDBus", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtXml",
})  # fmt: skip

# Standard-library and tooling packages a GUI app never runs.
EXCLUDED_PYTHON_MODULES = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "unittest", "pydoc", "pydoc_data",
    "doctest", "test", "lib2to3", "distutils", "setuptools", "pkg_resources", "pip", "venv",
    "ensurepip", "xmlrpc", "curses", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy",
    "ruff", "IPython", "numpy", "PyQt5", "PyQt6", "PySide2",
    "pygments", "rich", "click",  # httpx's optional command-line client
    # phonenumbers' place names, carriers and time zones (42 MB of data): the clean-up
    # view only parses and formats numbers, which needs phonenumbers.data alone.
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata",
    "vobject",  # a test-only reader
)  # fmt: skip

# Qt plugins kept, by "<type>/<file stem without lib prefix>". Anything else under plugins/ goes.
KEPT_QT_PLUGINS = frozenset({
    # Linux: X11, Wayland and the headless platform CI and --smoke-test use.
    "platforms/qxcb", "platforms/qwayland", "platforms/qwayland-egl", "platforms/qwayland-generic",
    "platforms/qoffscreen", "platforms/qminimal",
    # Windows and macOS platform plugins, and macOS's window style.
    "platforms/qwindows", "platforms/qcocoa", "styles/qmodernwindowsstyle",
    "styles/qwindowsvistastyle", "styles/qmacstyle",
    # OpenGL glue for xcb (Qt widgets may compose through it) and the Wayland client pieces.
    "xcbglintegrations/qxcb-egl-integration", "xcbglintegrations/qxcb-glx-integration",
    "wayland-shell-integration/xdg-shell", "wayland-decoration-client/bradient",
    "wayland-decoration-client/adwaita",
    "wayland-graphics-integration-client/qt-plugin-wayland-egl",
    "wayland-graphics-integration-client/shm-emulation-server",
    # Icons: PNG is built into QtGui; SVG, ICO (Windows) and ICNS (macOS) need plugins.
    "imageformats/qsvg", "imageformats/qico", "imageformats/qicns", "iconengines/qsvgicon",
    # Desktop integration: portal (dark mode, file dialogs) and compose-key input.
    "platformthemes/qxdgdesktopportal", "platforminputcontexts/composeplatforminputcontextplugin",
})  # fmt: skip

# Libraries every Linux desktop has and whose host copy must win: Xlib has to match the
# X server, fontconfig its /etc/fonts, GLib and D-Bus the session (and any GTK the host's
# theme loads). Bundling them is what makes old bundles break on new distributions; what
# only they linked (libsystemd, libgcrypt, libpcre2 ...) is then dropped as unlinked.
HOST_LIBRARIES = frozenset({
    "libX11.so.6", "libX11-xcb.so.1", "libXau.so.6", "libXdmcp.so.6",
    "libfontconfig.so.1", "libfreetype.so.6",
    "libglib-2.0.so.0", "libgthread-2.0.so.0", "libgobject-2.0.so.0", "libgio-2.0.so.0",
    "libdbus-1.so.3",
})  # fmt: skip

# PySide6 wheels put Qt under PySide6/Qt/ on Linux and macOS, directly under PySide6/ on Windows.
_PLUGIN_DIR = re.compile(
    r"(?:^|/)PySide6/(?:Qt/)?plugins/(?P<type>[^/]+(?:/darwin)?)/(?P<file>[^/]+)$"
)
_TRANSLATIONS_DIR = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/")


def scan_qt_imports(source_root: Path) -> set[str]:
    """Names of the PySide6.Qt* modules imported anywhere under source_root."""
    pattern = re.compile(r"\bPySide6(?:\.|\s+import\s+(?:\(\s*)?)(Qt\w+)")
    found: set[str] = set()
    for path in source_root.rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="replace")
        found.update(pattern.findall(text))
        for block in re.findall(r"from\s+PySide6\s+import\s+\(([^)]*)\)", text):
            found.update(re.findall(r"\bQt\w+", block))
    return found


def excluded_modules(used_qt_modules: Iterable[str]) -> list[str]:
    """Modules to exclude: the tooling above and the Qt bindings nothing imports."""
    keep = BASE_QT_MODULES | set(used_qt_modules)
    unused_qt = sorted(f"PySide6.{name}" for name in OPTIONAL_QT_MODULES - keep)
    return [*EXCLUDED_PYTHON_MODULES, *unused_qt]


def plugin_key(destination: str) -> str | None:
    """'platforms/qxcb' for '.../Qt/plugins/platforms/libqxcb.so'; None when not a plugin."""
    match = _PLUGIN_DIR.search(destination.replace("\\", "/"))
    if match is None:
        return None
    stem = match["file"].split(".")[0].removeprefix("lib")
    return f"{match['type']}/{stem}"


def is_unwanted(destination: str) -> bool:
    """True for a collected file the bundle should not carry."""
    path = destination.replace("\\", "/")
    if _TRANSLATIONS_DIR.search(path):
        return True  # the app is English-only; Qt's own .qm files are 10+ MB
    if path in HOST_LIBRARIES:
        return True  # only at the top level: a package's private copy stays
    key = plugin_key(path)
    return key is not None and key not in KEPT_QT_PLUGINS


def keep_wanted(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The (dest, source, kind) entries of a PyInstaller TOC that the bundle keeps."""
    return [entry for entry in toc if not is_unwanted(entry[0])]


def _is_plain_library(destination: str) -> bool:
    """A lib*.so* that is only there because something links it (not a plugin, not Python)."""
    name = destination.replace("\\", "/").rsplit("/", 1)[-1]
    return (
        name.startswith("lib")
        and ".so" in name
        and not name.startswith("libpython")  # the bootloader loads it by name
        and plugin_key(destination) is None  # Qt loads plugins by directory scan
    )


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED names of an ELF file: what it links directly (not what those link).

    Read with objdump, which PyInstaller itself requires on Linux; ldd would not do, as it
    lists the whole tree as the host resolves it, host libraries' own needs included.
    """
    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    return re.findall(r"^\s*NEEDED\s+(\S+)", result.stdout, flags=re.MULTILINE)


def drop_unlinked_libraries(
    binaries: Iterable[tuple[str, str, str]],
    linked_names: Callable[[str], Iterable[str]],
) -> list[tuple[str, str, str]]:
    """Binaries minus the shared libraries nothing left in the bundle links to.

    PyInstaller resolves library dependencies before the spec can drop plugins, so the
    libraries of dropped plugins (GTK for the gtk3 theme, EGLFS for eglfs, ...) would stay
    behind. Starting from what the bundle runs (extension modules, plugins, libpython), this
    follows `linked_names(path)` (the names a binary links) and keeps what it reaches.
    Linux only: there every bundled library is a lib*.so* found this way.
    """
    entries = list(binaries)
    libraries = {e[0].replace("\\", "/").rsplit("/", 1)[-1]: e for e in entries
                 if _is_plain_library(e[0])}  # fmt: skip
    pending = [e[1] for e in entries if not _is_plain_library(e[0])]
    reached: set[str] = set()
    while pending:
        for name in linked_names(pending.pop()):
            if name in libraries and name not in reached:
                reached.add(name)
                pending.append(libraries[name][1])
    return [e for e in entries if not _is_plain_library(e[0]) or e[0].rsplit("/", 1)[-1] in reached]


def drop_dangling_symlinks(
    datas: Iterable[tuple[str, str, str]], binaries: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """Datas minus the SYMLINK entries whose target is no longer collected.

    PyInstaller links each library of a subdirectory into the top directory too (those
    links travel in `datas`); once the library itself is dropped its link would dangle.
    """
    collected = {posixpath.normpath(e[0].replace("\\", "/")) for e in binaries}
    kept = []
    for entry in datas:
        dest, target, kind = entry
        if kind == "SYMLINK":
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(dest), target))
            if resolved not in collected:
                continue
        kept.append(entry)
    return kept


# keyring backends that cannot work on a platform. Left in, keyring imports each at every
# start to ask whether it is viable; the macOS one alone costs ~40 ms on Linux, probing for
# the Security framework with ctypes.util.find_library (which runs ldconfig and gcc).
FOREIGN_KEYRING_BACKENDS = {
    "linux": frozenset({"macOS", "Windows"}),
    "darwin": frozenset({"Windows", "SecretService", "libsecret", "KWallet"}),
    "win32": frozenset({"macOS", "SecretService", "libsecret", "KWallet"}),
}


def foreign_keyring_backends(platform: str) -> frozenset[str]:
    """Entry point names of the keyring backends of other operating systems."""
    key = "linux" if platform.startswith(("linux", "freebsd")) else platform
    return FOREIGN_KEYRING_BACKENDS.get(key, frozenset())


def platform_entry_points(text: str, platform: str) -> str:
    """keyring's entry_points.txt without the [keyring.backends] lines of other platforms."""
    foreign = foreign_keyring_backends(platform)
    section, kept = "", []
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        elif section == "[keyring.backends]" and stripped.split("=")[0].strip() in foreign:
            continue
        kept.append(line)
    return "".join(kept)
