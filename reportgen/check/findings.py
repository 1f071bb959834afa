"""What a check reports: one finding per line, naming the file, the place and the problem."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


class Unreadable(Exception):
    """A file that is not the PowerPoint or PDF document its name says (corrupt, truncated,
    random bytes). `check` reports it as one finding for the file rather than crashing."""

    def __init__(self, shown: str, kind: str, cause: Exception) -> None:
        reason = str(cause).splitlines()[0][:120] if str(cause) else type(cause).__name__
        self.finding = Finding(shown, "file", f"not a readable {kind} file ({reason})")
        super().__init__(str(self.finding))


class CheckError(Exception):
    """Findings that stop a build from writing an output."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("; ".join(str(f) for f in findings))
