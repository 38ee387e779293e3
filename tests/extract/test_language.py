"""Language from the text itself, the declared language as the fallback."""

import subprocess
import sys

from corpus_search.extract import language
from corpus_search.extract.html import extract_html
from corpus_search.extract.language import detect_language, primary_subtag

ENGLISH = "The ministry said the talks on the ceasefire would resume next week in Geneva, officials confirmed."
FRENCH = "Le ministère a déclaré que les négociations sur le cessez-le-feu reprendraient la semaine prochaine à Genève."
GERMAN = "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen mehrere Unternehmen beschlossen, hieß es."


def test_the_text_decides_over_a_template_declaration() -> None:
    assert detect_language(FRENCH, declared="en-US") == "fr"
    assert detect_language(GERMAN) == "de"
    assert detect_language(ENGLISH, declared="fr") == "en"


def test_short_texts_keep_the_declared_language() -> None:
    assert detect_language("Photo: Reuters", declared="en-GB") == "en"
    assert detect_language("", declared=None) is None
    assert primary_subtag("pt_BR") == "pt" and primary_subtag("x") is None


def test_html_pages_get_the_language_of_their_text() -> None:
    html = (
        '<html lang="en"><head><title>Négociations</title></head><body><article>'
        f"<h1>Négociations</h1><p>{FRENCH}</p><p>{FRENCH}</p></article></body></html>"
    )
    assert extract_html(html).language == "fr"


ON_A_FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
# every file this process writes stops at 64 KiB, as on a full disk: py3langid's own
# loader (which unpacks its 68 MB model through a temporary file) fails
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
from corpus_search.extract import language
print(language.detect_language(sys.argv[1], "en"), language.detect_language(sys.argv[2], "fr"))
"""


def test_the_language_is_told_on_a_full_disk() -> None:
    result = subprocess.run(
        [sys.executable, "-c", ON_A_FULL_DISK, FRENCH, GERMAN],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fr", "de"]


def test_without_a_model_a_text_keeps_its_declared_language(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(language, "_identifier", lambda: None)
    assert detect_language(FRENCH, declared="de-AT") == "de"
    assert detect_language(FRENCH) is None
