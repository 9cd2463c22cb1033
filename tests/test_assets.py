"""builder.assets: fingerprints, site overrides, the stylesheet's url()s, GOV.UK Frontend.

These tests run the real Sass from node_modules (installed by `make build` /
`make test`); each compile takes about a second.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from builder.assets import (brand_of, build_assets, compiled_brand, fingerprint,
                            stylesheet_problems)
from builder.errors import ContentErrors, ToolError
from builder.overrides import contrast

TOOL_ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = TOOL_ROOT / "node_modules"

if not (NODE_MODULES / ".bin" / "sass").exists():
    if os.environ.get("CI"):
        raise RuntimeError("node_modules is missing: `make test` installs it (npm ci)")
    pytest.skip("node_modules is missing: run `make build` first", allow_module_level=True)


@pytest.fixture(scope="module")
def default_bundle(tmp_path_factory):
    return build_assets(TOOL_ROOT, TOOL_ROOT, tmp_path_factory.mktemp("cache"))


def _file(bundle, logical: str) -> bytes:
    path = bundle.urls[logical]
    matches = [a.data for a in bundle.files if a.path == path]
    assert len(matches) == 1, f"{logical} -> {path} is not among the files"
    return matches[0]


def _site_with(tmp_path: Path, files: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for rel, text in files.items():
        target = site / "assets" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return site


def test_bundle_has_fingerprinted_files(default_bundle):
    urls = default_bundle.urls
    assert re.fullmatch(r"assets/main\.[0-9a-f]{8}\.css", urls["main.css"])
    assert re.fullmatch(r"assets/govuk-frontend\.[0-9a-f]{8}\.js", urls["govuk-frontend.js"])
    assert re.fullmatch(r"assets/js/bulletin\.[0-9a-f]{8}\.js", urls["bulletin.js"])
    assert re.fullmatch(r"assets/images/favicon\.[0-9a-f]{8}\.svg", urls["favicon.svg"])
    for asset in default_bundle.files:
        # The fingerprint in each name is the first 8 hex digits of its SHA-256.
        assert f".{hashlib.sha256(asset.data).hexdigest()[:8]}." in asset.path
        assert asset.path.startswith("assets/")
    assert len({a.path for a in default_bundle.files}) == len(default_bundle.files)
    # No Sass source is published.
    assert not any(a.path.endswith(".scss") for a in default_bundle.files)


def test_fingerprint_is_first_8_hex_of_sha256():
    assert fingerprint(b"abc") == "ba7816bf"


def test_govuk_frontend_js_is_the_package_file_without_source_map_comment(default_bundle):
    data = _file(default_bundle, "govuk-frontend.js")
    original = (NODE_MODULES / "govuk-frontend/dist/govuk/govuk-frontend.min.js").read_bytes()
    assert b"sourceMappingURL" not in data
    assert b"ExitThisPage" in data and b"createAll" in data
    assert data.rstrip() == re.sub(rb"//# sourceMappingURL=\S*\s*$", b"", original).rstrip()


def test_same_inputs_give_the_same_bundle(tmp_path, default_bundle):
    again = build_assets(TOOL_ROOT, TOOL_ROOT, tmp_path / "other-cache")
    assert again == default_bundle


def test_css_name_changes_when_an_input_changes(tmp_path, default_bundle):
    own = (TOOL_ROOT / "assets/scss/_bulletin.scss").read_text(encoding="utf-8")
    extra = "\n.bulletin-test-change { color: #0b0c0c; }\n"
    site = _site_with(tmp_path, {"scss/_bulletin.scss": own + extra})
    changed = build_assets(site, TOOL_ROOT, tmp_path / "cache")
    assert changed.urls["main.css"] != default_bundle.urls["main.css"]
    assert b".bulletin-test-change{color:#0b0c0c}" in _file(changed, "main.css")
    # Files that did not change keep their names.
    assert changed.urls["bulletin.js"] == default_bundle.urls["bulletin.js"]


def test_site_asset_overrides_the_tool_asset_of_the_same_name(tmp_path, default_bundle):
    site = _site_with(tmp_path, {
        "js/bulletin.js": "// the site's own script\n",
        "images/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    })
    bundle = build_assets(site, TOOL_ROOT, tmp_path / "cache")
    assert _file(bundle, "bulletin.js") == b"// the site's own script\n"
    assert bundle.urls["bulletin.js"] != default_bundle.urls["bulletin.js"]
    # Files the site does not override still come from the tool...
    assert _file(bundle, "favicon.svg") == (TOOL_ROOT / "assets/images/favicon.svg").read_bytes()
    # ...and the site's extra files are added.
    assert re.fullmatch(r"assets/images/logo\.[0-9a-f]{8}\.svg", bundle.urls["logo.svg"])
    assert bundle.urls["images/logo.svg"] == bundle.urls["logo.svg"]


def test_a_site_s_own_rules_in_site_scss_add_to_the_bulletin_s_styles(tmp_path):
    """Replacing _bulletin.scss, the README's only way, dropped the RAG colours with the
    rest of the bulletin's styles (a designer's trial)."""
    site = _site_with(tmp_path, {"scss/_site.scss": '@use "govuk-frontend/dist/govuk/base" as govuk;\n'
                                                   ".council-logo { height: govuk.govuk-spacing(6); }\n"})
    css = _file(build_assets(site, TOOL_ROOT, tmp_path / "cache"), "main.css").decode("utf-8")
    assert ".council-logo{height:30px}" in css
    assert ".bulletin-rag--red" in css and css.index(".bulletin-rag--red") < css.index(".council-logo")


def test_an_image_the_stylesheet_names_is_given_its_published_name(tmp_path):
    """url("images/stripe.svg") stayed as written while the file was published as
    images/stripe.5883c3a5.svg, so the browser got a 404 (a designer's trial)."""
    site = _site_with(tmp_path, {"images/stripe.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
                                 "scss/_site.scss": '.band { background: url("images/stripe.svg"); }\n'})
    bundle = build_assets(site, TOOL_ROOT, tmp_path / "cache")
    css = _file(bundle, "main.css").decode("utf-8")
    published = bundle.urls["images/stripe.svg"].removeprefix("assets/")
    assert f'url("{published}")' in css and "images/stripe.svg)" not in css


def test_an_image_the_stylesheet_names_that_assets_lacks_is_an_error(tmp_path):
    site = _site_with(tmp_path, {"scss/_site.scss": '.band { background: url("images/gone.png"); }\n'})
    with pytest.raises(ContentErrors) as caught:
        build_assets(site, TOOL_ROOT, tmp_path / "cache")
    [problem] = caught.value.problems
    assert "the stylesheet points to 'images/gone.png', which is not a file under assets/" in \
        problem.message


def test_missing_node_modules_says_to_run_make_build(tmp_path):
    tool = tmp_path / "tool"
    shutil.copytree(TOOL_ROOT / "assets", tool / "assets")
    with pytest.raises(ToolError) as caught:
        build_assets(tool, tool, tmp_path / "cache")
    assert "make build" in str(caught.value)


def test_a_check_of_sass_without_node_modules_is_a_warning_not_a_failure(tmp_path):
    tool = tmp_path / "tool"
    shutil.copytree(TOOL_ROOT / "assets", tool / "assets")
    [problem] = stylesheet_problems(tool, tool, tmp_path / "cache")
    assert not problem.is_error
    assert problem.path == "assets/scss/main.scss"
    assert problem.message.startswith("the stylesheet was not checked: Sass and GOV.UK Frontend "
                                      "are not installed") and "make build" in problem.message


def test_a_check_of_sass_reads_the_builds_cache_and_never_writes_it(tmp_path, monkeypatch):
    site = _site_with(tmp_path, {"scss/_site.scss": ".x { color: #010203; }\n"})
    assert stylesheet_problems(site, TOOL_ROOT, tmp_path / "cache") == []
    assert not (tmp_path / "cache").exists()
    build_assets(site, TOOL_ROOT, tmp_path / "cache")
    monkeypatch.setattr("subprocess.run", lambda *a, **k: pytest.fail("compiled again"))
    assert stylesheet_problems(site, TOOL_ROOT, tmp_path / "cache") == []


def test_css_requests_nothing_from_other_hosts_and_has_no_gds_transport(default_bundle):
    css = _file(default_bundle, "main.css").decode("utf-8")
    assert "@import" not in css
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
        assert not re.match(r"(?i)(https?:)?//", url), url
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "system-ui" in css


def test_css_points_at_no_file_the_site_does_not_have(default_bundle):
    """GOV.UK Frontend's footer crest pointed at images/govuk-crest.svg, which the site
    does not publish: link checkers reported it (a reader's trial)."""
    css = _file(default_bundle, "main.css").decode("utf-8")
    published = {a.path.removeprefix("assets/") for a in default_bundle.files}
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", css):
        assert url.startswith("data:") or url.removeprefix("./") in published, url


def test_css_has_the_components_the_templates_use(default_bundle):
    css = _file(default_bundle, "main.css").decode("utf-8")
    for selector in [
        ".govuk-generic-header", ".govuk-service-navigation", ".govuk-footer",
        ".govuk-skip-link", ".govuk-phase-banner", ".govuk-exit-this-page",
        ".govuk-notification-banner", ".govuk-breadcrumbs", ".govuk-back-link",
        ".govuk-pagination", ".govuk-table__cell--numeric", ".govuk-summary-list",
        ".govuk-tag", ".govuk-inset-text", ".govuk-warning-text", ".govuk-details",
        ".govuk-button", ".govuk-grid-row", ".govuk-\\!-margin-bottom-0", ".govuk-label",
        ".bulletin-rag--red", ".bulletin-rag-history", ".bulletin-chart",
    ]:
        assert selector in css, selector
    # Components the site never shows are left out.
    for absent in [".govuk-header__", ".govuk-input", ".govuk-accordion", ".govuk-cookie-banner"]:
        assert absent not in css, absent
    assert "@media print" in css


@pytest.mark.parametrize("status", ["red", "amber", "green", "not-rated"])
def test_rag_tag_text_contrast_is_at_least_4_5_to_1(default_bundle, status):
    css = _file(default_bundle, "main.css").decode("utf-8")
    rule = re.search(r"\.bulletin-rag--" + status + r"\{([^}]*)\}", css)
    assert rule, f"no rule for .bulletin-rag--{status}"
    props = dict(p.split(":", 1) for p in rule.group(1).split(";") if p)
    assert contrast(props["color"], props["background-color"]) >= 4.5


def test_the_bundle_knows_the_brand_it_was_compiled_with(default_bundle):
    """For the browser's bar (theme-color), which the stylesheet cannot colour."""
    assert default_bundle.brand == "#1d70b8"
    assert brand_of(_file(default_bundle, "main.css")) == "#1d70b8"


def test_the_brand_alone_is_the_bundle_s_for_a_site_of_its_own(tmp_path):
    """A month's deck made on its own asks only for the brand: it built every asset for it."""
    settings = (TOOL_ROOT / "assets/scss/_settings.scss").read_text(encoding="utf-8")
    site = _site_with(tmp_path, {"scss/_settings.scss": settings.replace("brand: #1d70b8",
                                                                         "brand: #00703c")})
    cache = tmp_path / "cache"
    assert compiled_brand(site, TOOL_ROOT, cache) == "#00703c"
    assert build_assets(site, TOOL_ROOT, cache).brand == "#00703c"


@pytest.mark.parametrize("css, brand", [
    (b":root{--govuk-brand-colour: #00703c;--govuk-text-colour: #0b0c0c}", "#00703c"),
    (b":root{--govuk-brand-colour:rebeccapurple}", "rebeccapurple"),
    (b".a{color:var(--govuk-brand-colour, #1d70b8)}", None),   # a use, not the declaration
    (b"", None),
])
def test_the_brand_is_read_from_its_declaration_however_it_is_written(css, brand):
    assert brand_of(css) == brand


def test_the_header_s_border_is_the_brand_and_not_printed(default_bundle):
    css = _file(default_bundle, "main.css").decode("utf-8")
    assert ".bulletin-header{border-bottom:10px solid var(--govuk-brand-colour, #1d70b8)}" in css
    assert re.search(r"@media print\{[^{}]*\.bulletin-header\{border-bottom-width:0\}", css)
