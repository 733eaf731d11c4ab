"""OPML: our export, a round trip, files from other readers, and hostile or broken files."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tui.config import load_config, parse_config
from tui.errors import FeedListError
from tui.opml import export_opml, import_opml, parse_opml

FEEDS_TOML = """\
# my list
[[feeds]]
name = "Tech layoffs"
url = "https://example.com/layoffs.rss?a=1&b=2"
tags = ["tech", "layoffs"]

[[feeds]]
name = "Café <Zürich> & \\"news\\""
url = "https://zeitung.example/feed"
enabled = false

[[feeds]]
name = "HR"
url = "https://hr.example/rss"
tags = ["work"]
"""

NEWSBOAT = """\
<?xml version="1.0"?>
<opml version="1.0">
\t<head>
\t\t<title>newsboat - Exported Feeds</title>
\t</head>
\t<body>
\t\t<outline type="rss" xmlUrl="https://hnrss.org/newest?q=layoffs" htmlUrl="https://news.ycombinator.com/" title="Hacker News: layoffs"/>
\t\t<outline type="rss" xmlUrl="https://www.theverge.com/rss/index.xml" htmlUrl="https://www.theverge.com/" title="The Verge"/>
\t\t<outline type="rss" xmlUrl="https://hr.example/rss" htmlUrl="https://hr.example/" title="HR again"/>
\t</body>
</opml>
"""

FEEDLY = """\
<?xml version="1.0" encoding="UTF-8"?>

<opml version="1.0">
  <head>
    <title>Alice subscriptions in feedly Cloud</title>
  </head>
  <body>
    <outline text="Tech" title="Tech">
      <outline type="rss" text="The Verge" title="The Verge" xmlUrl="https://www.theverge.com/rss/index.xml" htmlUrl="https://www.theverge.com/"/>
      <outline text="Layoffs" title="Layoffs">
        <outline type="rss" text="TechCrunch: layoffs" title="TechCrunch: layoffs" xmlUrl="https://techcrunch.com/tag/layoffs/feed/" htmlUrl="https://techcrunch.com"/>
      </outline>
    </outline>
    <outline text="Business" title="Business">
      <outline type="rss" text="NPR: business" title="NPR: business" xmlUrl="https://feeds.npr.org/1006/rss.xml" htmlUrl="https://www.npr.org"/>
      <outline type="rss" text="The Verge" title="The Verge" xmlUrl="https://www.theverge.com/rss/index.xml" htmlUrl="https://www.theverge.com/"/>
    </outline>
    <outline type="rss" text="Podcast" xmlUrl="itpc://podcast.example/feed"/>
    <outline type="rss" text="Unfiled" XMLURL="https://unfiled.example/rss"/>
  </body>
</opml>
"""


def _config(path: Path):
    return load_config(path)


def _summary(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(feed.name, feed.url, feed.tags) for feed in load_config(path).feeds]


class TestExport:
    def test_outlines_carry_name_url_and_tags(self):
        text = export_opml(parse_config(FEEDS_TOML))
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
        root = ET.fromstring(text)
        outlines = root.findall("./body/outline")
        assert [o.attrib for o in outlines] == [
            {"type": "rss", "text": "Tech layoffs", "title": "Tech layoffs",
             "xmlUrl": "https://example.com/layoffs.rss?a=1&b=2", "category": "tech,layoffs"},
            {"type": "rss", "text": 'Café <Zürich> & "news"', "title": 'Café <Zürich> & "news"',
             "xmlUrl": "https://zeitung.example/feed"},
            {"type": "rss", "text": "HR", "title": "HR", "xmlUrl": "https://hr.example/rss", "category": "work"},
        ]
        assert root.find("./head/title").text == "layoffs-tui feeds"

    def test_empty_list(self):
        assert ET.fromstring(export_opml(parse_config(""))).findall("./body/outline") == []


class TestRoundTrip:
    def test_export_then_import_into_an_empty_list(self, tmp_path):
        source = tmp_path / "feeds.toml"
        source.write_text(FEEDS_TOML)
        target = tmp_path / "empty.toml"
        target.write_text("# fresh list\n")
        result = import_opml(target, export_opml(load_config(source)))
        assert [f.url for f in result.added] == [f.url for f in load_config(source).feeds]
        assert _summary(target) == _summary(source)
        assert target.read_text().startswith("# fresh list\n\n[[feeds]]\n")

    def test_importing_twice_adds_nothing(self, tmp_path):
        path = tmp_path / "feeds.toml"
        path.write_text(FEEDS_TOML)
        before = path.read_bytes()
        result = import_opml(path, export_opml(load_config(path)))
        assert result.added == [] and len(result.skipped_duplicates) == 3
        assert path.read_bytes() == before


class TestOtherReaders:
    def test_newsboat_opml_1_0(self, tmp_path):
        path = tmp_path / "feeds.toml"
        path.write_text(FEEDS_TOML)
        result = import_opml(path, NEWSBOAT.encode())
        assert [(f.name, f.url) for f in result.added] == [
            ("Hacker News: layoffs", "https://hnrss.org/newest?q=layoffs"),
            ("The Verge", "https://www.theverge.com/rss/index.xml")]
        assert [f.url for f in result.skipped_duplicates] == ["https://hr.example/rss"]
        assert path.read_text().startswith(FEEDS_TOML)

    def test_feedly_folders_become_tags(self, tmp_path):
        path = tmp_path / "feeds.toml"
        result = import_opml(path, FEEDLY)
        assert _summary(path) == [
            ("The Verge", "https://www.theverge.com/rss/index.xml", ("Tech",)),
            ("TechCrunch: layoffs", "https://techcrunch.com/tag/layoffs/feed/", ("Tech", "Layoffs")),
            ("NPR: business", "https://feeds.npr.org/1006/rss.xml", ("Business",)),
            ("Unfiled", "https://unfiled.example/rss", ()),
        ]
        assert [f.url for f in result.skipped_duplicates] == ["https://www.theverge.com/rss/index.xml"]
        assert result.skipped_invalid == ["itpc://podcast.example/feed"]

    def test_category_and_folder_merge_without_repeats(self):
        feeds, _ = parse_opml('<opml version="2.0"><body><outline text="news"><outline text="A" '
                              'xmlUrl="https://a.example/" category="/news,tech/, ,ai/ml"/></outline>'
                              '</body></opml>')
        assert feeds[0].tags == ("news", "tech", "ai/ml")

    def test_utf16_and_latin1_files(self):
        doc = '<?xml version="1.0" encoding="{}"?><opml version="1.0"><body><outline text="Zürich" ' \
              'xmlUrl="https://z.example/"/></body></opml>'
        for encoding in ("utf-16", "iso-8859-1"):
            feeds, _ = parse_opml(doc.format(encoding).encode(encoding))
            assert feeds[0].name == "Zürich"

    def test_missing_title_uses_text_then_host(self):
        feeds, _ = parse_opml('<opml><body><outline text="T" xmlUrl="https://t.example/"/>'
                              '<outline xmlUrl="https://www.h.example/rss"/></body></opml>')
        assert [f.name for f in feeds] == ["T", None]


MALFORMED = [
    ("truncated", "<opml version='2.0'><body><outline text='x' xmlUrl='https://x.example/'>", "not valid XML"),
    ("not xml", "this is not xml", "not valid XML"),
    ("empty", "", "not valid XML"),
    ("an RSS feed", "<rss version='2.0'><channel/></rss>", "not an OPML document (it starts with <rss>"),
    ("billion laughs", ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
     '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><opml><body><outline text="&lol2;" '
     'xmlUrl="https://x.example/"/></body></opml>'), "DOCTYPE or entities"),
    ("external entity", ('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
     '<opml><body><outline text="&xxe;" xmlUrl="https://x.example/"/></body></opml>'), "DOCTYPE or entities"),
    ("doctype only", '<!DOCTYPE opml SYSTEM "http://evil.example/x.dtd"><opml><body/></opml>',
     "DOCTYPE or entities"),
]


class TestMalformed:
    @pytest.mark.parametrize(("label", "document", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
    def test_clear_error_and_nothing_changes(self, tmp_path, label, document, message):
        path = tmp_path / "feeds.toml"
        path.write_text(FEEDS_TOML)
        with pytest.raises(FeedListError, match="nothing was imported") as caught:
            import_opml(path, document, source="subs.opml")
        assert message in str(caught.value)
        assert str(caught.value).startswith("subs.opml")
        assert path.read_text() == FEEDS_TOML
        assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.toml"]

    def test_error_names_the_line(self):
        with pytest.raises(FeedListError, match=r"^subs.opml:3: not valid XML"):
            parse_opml("<opml>\n<body>\n<outline></body></opml>", "subs.opml")
