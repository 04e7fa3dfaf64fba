"""Copy the NL Design System CSS and the allowed fonts from node_modules into
site/static/vendor/ (gitignored), where collectstatic and WhiteNoise pick them up.

Run by `make assets`; copies only the files the site uses, and their licences.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from home.brand import FONTS, font_file_names  # noqa: E402

NODE = ROOT / "node_modules"
VENDOR = ROOT / "site" / "static" / "vendor"

# (source under node_modules, target under vendor)
FILES = [
    ("@utrecht/component-library-css/dist/index.css", "utrecht/component-library.css"),
    ("@utrecht/component-library-css/dist/html.css", "utrecht/html.css"),
    ("@utrecht/component-library-css/LICENSE.md", "utrecht/LICENSE.md"),
    ("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css", "voorbeeld/theme.css"),
    ("@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md", "voorbeeld/LICENSE.md"),
]


def copies() -> list[tuple[Path, Path]]:
    pairs = [(NODE / source, VENDOR / target) for source, target in FILES]
    for key in FONTS:
        package = NODE / "@fontsource" / key
        pairs.append((package / "LICENSE", VENDOR / "fonts" / key / "LICENSE"))
        pairs += [
            (package / "files" / name.split("/", 1)[1], VENDOR / "fonts" / name)
            for name in font_file_names(key)
        ]
    return pairs


def main() -> int:
    pairs = copies()
    missing = [str(source.relative_to(ROOT)) for source, _ in pairs if not source.is_file()]
    if missing:
        print("Ontbrekende bestanden (eerst `npm ci`):", *missing[:5], sep="\n  ", file=sys.stderr)
        return 1
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for source, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    print(f"{len(pairs)} bestanden naar {VENDOR.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
