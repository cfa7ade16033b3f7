#!/usr/bin/env bash
# Takes the README's pictures from the demo (tests/Jsms.BrowserTests/ReadmeScreenshotTests.cs, 1280x800) and copies
# them to docs/screenshots/. Needs Chromium at /usr/bin/chromium (scripts/test.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build tests/Jsms.BrowserTests -nologo -v q
JSMS_BROWSER_ARTIFACTS="$out" dotnet test tests/Jsms.BrowserTests --no-build -nologo --filter "readme=screenshots"
mkdir -p docs/screenshots
for name in operating-picture alert entity dashboard; do
  cp "$out/readme-$name.png" "docs/screenshots/readme-$name.png"
done
echo "docs/screenshots: $(ls docs/screenshots | tr '\n' ' ')"
