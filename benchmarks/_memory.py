"""Peak resident memory of a benchmark's worker process (Linux), for bench_panel,
bench_panel_cs and bench_bootstrap: one reading of /proc, written once."""

from __future__ import annotations


def status_kb(field: str) -> int:
    """A field of /proc/self/status in kB: VmRSS (now) or VmHWM (peak)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0); False where that is not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False
