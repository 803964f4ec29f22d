"""The export toolbar in headless Chromium: the four formats, and a video that plays in the page."""

from playwright.sync_api import expect
from test_journalist_browser import open_dashboard, open_group

from dashboard.map_style import COLOURS

DEADLINE_MS = 240_000


def test_the_toolbar_offers_png_16_9_portrait_gif_and_mp4(watched_page, server):
    open_dashboard(watched_page, server, "lang=es&date=2019-03")
    open_group(watched_page, "Imagen del mapa y animación")
    for button, label in (
        ("#render-png", "16:9 (PNG)"),
        ("#render-portrait", "vertical (PNG)"),
        ("#render-gif", "(GIF)"),
        ("#render-mp4", "(MP4)"),
    ):
        expect(watched_page.locator(button)).to_be_visible()
        expect(watched_page.locator(button)).to_contain_text(label)


def rendered_image(page, server, query: str, group: str, button: str, href: str):
    """Open the view, press an image button and wait for the finished image; its download link is `href`."""
    open_dashboard(page, server, query)
    open_group(page, group)
    page.locator(button).click()
    image = page.locator("#render-status img")
    expect(image).to_have_js_property("complete", True, timeout=DEADLINE_MS)
    expect(page.locator("#render-link")).to_have_attribute("href", href)
    return image


def test_the_portrait_button_renders_a_1080_by_1350_image(watched_page, server):
    href = "/export/map.png?date=2019-03&metric=absolute&lang=pt&layout=portrait&download=1"
    image = rendered_image(
        watched_page, server, "lang=pt&date=2019-03", "Imagem do mapa e animação", "#render-portrait", href
    )
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1080, 1350]


def test_the_mp4_button_renders_a_video_the_browser_can_decode(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2018-03")
    open_group(watched_page, "Map image and animation")
    # the range keeps its default: the twelve months up to the one shown
    watched_page.locator("#render-mp4").click()
    link = watched_page.locator("#render-link")
    expect(link).to_be_visible(timeout=DEADLINE_MS)
    expect(link).to_contain_text("Download the video (MP4)")
    assert link.get_attribute("href").startswith("/export/timelapse.mp4?")
    video = watched_page.locator("#render-status video")
    # readyState >= 1: Chromium parsed the MP4's header, so it knows the duration and size
    watched_page.wait_for_function(
        "() => { const v = document.querySelector('#render-status video'); return v && v.readyState >= 1; }",
        timeout=DEADLINE_MS,
    )
    assert video.evaluate("v => [v.videoWidth, v.videoHeight]") == [1280, 720]
    assert watched_page.console_errors == []


def test_the_16_9_button_outlines_the_selected_country(watched_page, server):
    href = "/export/map.png?date=2019-03&metric=absolute&lang=en&layout=wide&country=COL&download=1"
    view = "lang=en&date=2019-03&country=COL"
    image = rendered_image(watched_page, server, view, "Map image and animation", "#render-png", href)
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1920, 1080]
    # the image the page shows carries the highlight outline (pixels of that exact colour)
    highlight = COLOURS["highlight"]
    outlined = image.evaluate(
        """(img, hex) => {
          const canvas = document.createElement("canvas");
          [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
          const context = canvas.getContext("2d");
          context.drawImage(img, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
          let count = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
          }
          return count;
        }""",
        highlight,
    )
    assert outlined > 500
