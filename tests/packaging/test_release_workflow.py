"""The release workflow and the Windows and macOS installer scripts, checked here.

None of them can run on this machine (GitHub's runners, Inno Setup, hdiutil), so these
check what can be: actionlint accepts the workflow, every job builds with the one spec
and runs the bundle checks, and the installer scripts say what the release promises.
"""

from __future__ import annotations

import configparser
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import addressbook

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
INNO_SCRIPT = ROOT / "packaging" / "windows" / "harvest-contacts.iss"
MACOS = ROOT / "packaging" / "macos"


def actionlint() -> str:
    """The actionlint of the lint extra (in the venv beside this Python), else PATH's."""
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.is_file() else shutil.which("actionlint")
    if found is None:
        pytest.skip("actionlint is not installed (pip install -e '.[lint]')")
    return found


def job_blocks() -> dict[str, str]:
    """Each job's text, by job id (the two-space-indented keys under `jobs:`)."""
    jobs = WORKFLOW.read_text(encoding="utf-8").split("\njobs:\n", 1)[1]
    parts = re.split(r"^  ([\w-]+):\n", jobs, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_actionlint_accepts_the_workflow() -> None:
    result = subprocess.run([actionlint(), "-no-color", str(WORKFLOW)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_on_version_tags_and_by_hand() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert 'tags: ["v*"]' in text and "workflow_dispatch:" in text


@pytest.mark.parametrize(
    ("job", "runner"),
    [("linux", "ubuntu-22.04"), ("windows", "windows-"), ("macos", "macos-14"),
     ("macos", "macos-15-intel")],
)  # fmt: skip
def test_each_desktop_builds_with_the_spec_and_runs_the_checks(job: str, runner: str) -> None:
    block = job_blocks()[job]
    assert runner in block
    assert "packaging/addressbook.spec" in block or "make bundle-check" in block
    assert "tests/packaging/bundle_checks.py" in block or "make bundle-check" in block
    assert "actions/upload-artifact" in block and "if-no-files-found: error" in block


def test_linux_job_installs_and_removes_the_deb() -> None:
    block = job_blocks()["linux"]
    assert "make deb REUSE_BUNDLE=1" in block and "make tarball REUSE_BUNDLE=1" in block
    assert "tests/packaging/deb_checks.py" in block


def test_signing_waits_for_the_maintainers_secrets() -> None:
    block = job_blocks()["macos"]
    assert "if: env.MACOS_CERTIFICATE != ''" in block
    assert "if: env.APPLE_ID != '' && env.MACOS_SIGNING_IDENTITY != ''" in block
    assert "packaging/macos/sign.sh" in block  # ad hoc without the secrets
    assert "if: env.WINDOWS_CERTIFICATE != ''" in job_blocks()["windows"]


def inno_sections() -> configparser.ConfigParser:
    text = INNO_SCRIPT.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines()
                     if not line.startswith((";", "#", "  #")))  # fmt: skip
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(body.split("[Tasks]")[0])
    return parser


def test_windows_installer_is_per_user_without_admin_rights() -> None:
    setup = inno_sections()["Setup"]
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    assert setup["AppVersion"] == "{#AppVersion}"  # from addressbook.__version__ (workflow)
    assert setup["SetupIconFile"].endswith("harvest-contacts.ico")
    relative = setup["SetupIconFile"].replace("\\", "/")  # paths are relative to the script
    assert (INNO_SCRIPT.parent / relative).resolve().is_file()
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExe}"


def test_windows_installer_adds_start_menu_entry_and_optional_desktop_icon() -> None:
    text = INNO_SCRIPT.read_text(encoding="utf-8")
    assert re.search(r'^Name: "desktopicon";.*Flags: unchecked$', text, re.MULTILINE)
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', text, re.MULTILINE)
    assert re.search(r'^Name: "\{autodesktop\}.*Tasks: desktopicon$', text, re.MULTILINE)
    assert '#define BundleDir "..\\..\\dist\\HarvestContacts"' in text
    assert f'#define AppName "{addressbook.APP_NAME}"' in text


def test_macos_scripts_parse_and_the_dmg_links_applications() -> None:
    for script in MACOS.glob("*.sh"):
        subprocess.run(["bash", "-n", str(script)], check=True)
    dmg = (MACOS / "make_dmg.sh").read_text(encoding="utf-8")
    assert 'ln -s /Applications "$staging/Applications"' in dmg and "hdiutil create" in dmg
    entitlements = plistlib.loads((MACOS / "entitlements.plist").read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}
