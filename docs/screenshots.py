"""Screenshots of hogo in Japanese for the README (issue 21).

Run: `.venv/bin/python docs/screenshots.py`.

Starts hogo as `./dev start` does (migrate, the reference policy, runserver) on a temporary data
directory with its own key files, so nothing of `var/` is read or written. Chromium (Debian's
/usr/bin/chromium, driven by Playwright) saves full pages of the notice, the event-registration
form and the privacy center; a disclosure document is built in this process the way the desk
writes one (hogo/desk/package.py) for a sample person, and `pdftoppm` turns its first page into
a PNG. Everything lands in docs/screenshots/.
"""

import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
# name: (path, scale). The notice is long and dense; at 0.8 it stays legible and under ~400 KB.
PAGES = {
    "notice-ja.png": ("/ja/privacy/", 0.8),
    "form-event-registration-ja.png": ("/ja/forms/event-registration/", 1.0),
    "privacy-center-ja.png": ("/ja/privacy-center/", 1.0),
}
WIDTH = 1000  # the viewport in CSS pixels; the page's full height is kept
COLOURS = 16  # a palette PNG: text on plain backgrounds needs few colours, and is a third the size


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def hogo_env(data: Path) -> dict[str, str]:
    """The environment of `./dev start`, pointed at `data` and nothing of the developer's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HOGO_", "DATABASE_URL"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        HOGO_DATA_DIR=str(data),
        HOGO_DEBUG="true",  # plain HTTP on 127.0.0.1, as ./dev start
        HOGO_MASTER_KEY_FILE=str(data / "master.key"),
        HOGO_AUDIT_KEY_FILE=str(data / "audit.key"),
        HOGO_EMAIL_URL="console:",
    )
    return env


def hogo(env: dict[str, str], *args: str) -> None:
    subprocess.run(  # noqa: S603 (this interpreter, fixed arguments)
        [sys.executable, "-m", "hogo.manage", *args], cwd=REPO, env=env, check=True
    )


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"hogo runserver ended with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own loopback server)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"hogo did not answer at {url} within 60 seconds")


def shoot_pages(base: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for name, (path, scale) in PAGES.items():
            page = browser.new_page(
                viewport={"width": WIDTH, "height": 800}, locale="ja-JP", device_scale_factor=scale
            )
            page.goto(base + path, wait_until="networkidle")
            save_small(page.screenshot(full_page=True), OUT / name)
            page.close()
        browser.close()


def save_small(png: bytes, path: Path) -> None:
    from PIL import Image  # weasyprint's dependency

    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"wrote docs/screenshots/{path.name} ({path.stat().st_size // 1024} KB)")


def disclosure_pdf(env: dict[str, str]) -> bytes:
    """A Japanese disclosure document for a sample person, as the desk writes it."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hogo.settings"
    import django

    django.setup()
    from hogo.desk.models import Case, CaseStatus, Intake
    from hogo.desk.package import package_content, package_files
    from hogo.vault.records import ItemIn
    from hogo.vault.services import subject_ingest

    actor = "system:screenshots"
    subject_id = subject_ingest(
        actor=actor,
        channel="event-registration",
        purposes=["event-operation"],
        identifiers={"email": "hanako.yamada@example.jp", "name": "山田 花子"},
        items=[ItemIn("organization", None, "三ツ星電機")],
    ).subject_id
    case = Case.objects.create(
        kind="disclosure",
        status=CaseStatus.IN_PROGRESS,
        language="ja",
        intake=Intake.PRIVACY_CENTER,
        origin="https://privacy.example.jp",
        subject_ref=subject_id,
        policy_version=1,
    )
    files = package_files(package_content(case=case, actor=actor), language="ja")
    return files["disclosure-ja.pdf"]


def shoot_disclosure(env: dict[str, str], tmp: Path) -> None:
    pdf = tmp / "disclosure-ja.pdf"
    pdf.write_bytes(disclosure_pdf(env))
    pdftoppm = ["/usr/bin/pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*pdftoppm, str(pdf), str(OUT / "disclosure-ja")], check=True)  # noqa: S603
    target = OUT / "disclosure-ja.png"
    save_small(target.read_bytes(), target)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hogo-screenshots-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        data.mkdir(mode=0o700)
        env = hogo_env(data)
        hogo(env, "migrate", "-v", "0")
        hogo(env, "policy", "load")
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 (this interpreter, fixed arguments)
            [sys.executable, "-m", "hogo.manage", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/ja/privacy/", server)
            shoot_pages(base)
        finally:
            server.terminate()
            server.wait(timeout=15)
        shoot_disclosure(env, tmp)


if __name__ == "__main__":
    main()
