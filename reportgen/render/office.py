"""LibreOffice headless, for turning decks into PDF pages to look at and to test.

LibreOffice finds fonts through fontconfig. A machine with no CJK fonts would draw boxes, so
the conversion runs with a private fontconfig file that includes the system configuration
and adds the folder of reportgen's bundled face: no system font packages needed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.fonts import Face
from reportgen.signals import die_with_parent

INSTALL_HINT = (
    "LibreOffice is not installed; on Debian or Ubuntu: "
    "apt-get install --no-install-recommends libreoffice-impress"
)


class OfficeError(ReportgenError):
    exit_code = 3


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fontconfig_file(folder: Path, faces: list[Face], stand_in: tuple[str, ...] = ()) -> Path:
    """A fonts.conf that keeps the system's fonts and adds the bundled faces' folders; the
    families in ``stand_in`` (named by a deck, missing here) are drawn in the first bundled
    face, which is what reportgen measured their text with."""
    from xml.sax.saxutils import escape

    dirs = "".join(f"  <dir>{face.path.parent}</dir>\n" for face in faces)
    aliases = "".join(
        f'  <match target="pattern"><test name="family"><string>{escape(name)}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{escape(faces[0].family)}'
        "</string></edit></match>\n"
        for name in stand_in
        if faces
    )
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"{dirs}{aliases}  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def missing_faces(document: Path) -> tuple[str, ...]:
    """The families a deck names (in its theme and its text) that this machine lacks: a house
    master's Calibri or Arial. LibreOffice would set them in a wider stand-in than the face
    their text was fitted with, so a preview would wrap lines the presenter never sees."""
    import re
    import zipfile

    if document.suffix.lower() != ".pptx":
        return ()
    named: set[str] = set()
    try:
        with zipfile.ZipFile(document) as package:
            for name in package.namelist():
                if name.startswith(("ppt/theme/", "ppt/slides/slide")) and name.endswith(".xml"):
                    found = re.findall(rb'typeface="([^"+][^"]*)"', package.read(name))
                    named |= {f.decode("utf-8", "replace") for f in found}
    except (OSError, zipfile.BadZipFile):
        return ()
    listing = shutil.which("fc-list")
    if listing is None or not named:
        return ()
    result = subprocess.run(
        [listing, ":", "family"], capture_output=True, text=True, timeout=60, check=False
    )
    installed = {f.strip() for line in result.stdout.splitlines() for f in line.split(",")}
    return tuple(sorted(named - installed))


def to_pdf(document: Path, out_dir: Path, faces: list[Face], timeout: float = 240) -> Path:
    """Convert a .pptx to PDF with LibreOffice; returns the PDF's path."""
    binary = soffice()
    if binary is None:
        raise OfficeError(INSTALL_HINT)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reportgen-office-") as work:
        work_dir = Path(work)
        env = {
            **os.environ,
            "FONTCONFIG_FILE": str(fontconfig_file(work_dir, faces, missing_faces(document))),
            "HOME": str(work_dir),  # a fresh profile: no first-run dialogs, no stale state
            "TMPDIR": str(work_dir),  # its own temporary files go when this folder goes
        }
        command = [
            binary,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{work_dir}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(document),
        ]
        returncode, output = _run_office(command, env, timeout)
    pdf = out_dir / (document.stem + ".pdf")
    if returncode != 0 or not pdf.is_file():
        raise OfficeError(f"LibreOffice could not convert {document.name}: {output[:300]}")
    return pdf


def _run_office(command: list[str], env: dict, timeout: float) -> tuple[int, str]:
    """Run LibreOffice in a process group of its own (its launcher starts the real office as
    a child), ended whole if anything stops the wait: a timeout, Ctrl-C, a stopped build.
    On Linux the launcher also dies with reportgen, even if reportgen is killed outright."""
    import signal
    import time

    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
        preexec_fn=die_with_parent,  # the launcher dies with reportgen, even killed outright
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the office itself may outlive its launcher
            try:
                os.killpg(process.pid, 0)
            except OSError:
                break
            time.sleep(0.05)
        if isinstance(exc, subprocess.TimeoutExpired):
            raise OfficeError(f"LibreOffice did not finish in {timeout:g} s; stopped it") from None
        raise
    return process.returncode, (err or out).strip()
