"""Lighthouse (npm, bench/lighthouse/, not a dependency of the app) on Debian's Chromium.

Install once: `npm install --prefix bench/lighthouse` (the version range is in
bench/lighthouse/package.json). `python -m bench.lighthouse URL` prints the scores of one page on
the mobile and desktop presets; `bench.floor_bench` runs it on Corredores and on the floor app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.browser import CHROMIUM

LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PRESETS = ("mobile", "desktop")
CATEGORIES = "performance,accessibility,best-practices"


def available() -> bool:
    """True when Lighthouse is installed under bench/lighthouse."""
    return LIGHTHOUSE.exists()


def audit(url: str, preset: str) -> dict:
    """Scores (0-100) and total blocking time (ms) of `url` on a Lighthouse preset."""
    with tempfile.TemporaryDirectory(prefix="corredores-lighthouse-") as temp:
        report = Path(temp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}"]
        command += [f"--only-categories={CATEGORIES}", "--chrome-flags=--headless=new --no-sandbox"]
        command += ["--preset=desktop"] if preset == "desktop" else []
        environment = {**os.environ, "CHROME_PATH": CHROMIUM}
        subprocess.run(command, check=True, env=environment, timeout=600, capture_output=True)
        result = json.loads(report.read_text(encoding="utf-8"))
    categories = result["categories"]
    failing = [
        ref["id"]
        for name in ("accessibility", "best-practices")
        for ref in categories[name]["auditRefs"]
        if ref["weight"] and (result["audits"][ref["id"]]["score"] or 0) < 1
    ]
    return {
        "performance": round(100 * (categories["performance"]["score"] or 0)),
        "accessibility": round(100 * (categories["accessibility"]["score"] or 0)),
        "best-practices": round(100 * (categories["best-practices"]["score"] or 0)),
        "tbt": result["audits"]["total-blocking-time"]["numericValue"],
        "failing": failing,
    }


def main(argv: list[str]) -> int:
    """Print the scores of the page at argv[0] on both presets."""
    for preset in PRESETS:
        print(preset, audit(argv[0], preset))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
